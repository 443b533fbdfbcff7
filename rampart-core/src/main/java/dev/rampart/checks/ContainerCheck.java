package dev.rampart.checks;

import dev.rampart.snapshot.ContainerView;
import dev.rampart.snapshot.Workload;
import java.util.function.Consumer;

/** A check of every container (regular, init and ephemeral) of every workload. */
public abstract class ContainerCheck extends WorkloadCheck {

  @Override
  protected final void check(Workload w, CheckContext context, Consumer<Violation> fail) {
    for (ContainerView c : w.containers()) {
      check(w, c, context, fail);
    }
  }

  protected abstract void check(
      Workload w, ContainerView c, CheckContext context, Consumer<Violation> fail);

  /** A violation located in {@code c}, at {@code relative} inside it. */
  protected static Violation violation(
      Workload w, ContainerView c, String relative, String message) {
    return Violation.of(w.object(), c.field(relative), message).inContainer(c.name());
  }
}
