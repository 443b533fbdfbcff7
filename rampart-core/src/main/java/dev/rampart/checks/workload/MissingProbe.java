package dev.rampart.checks.workload;

import dev.rampart.checks.CheckContext;
import dev.rampart.checks.Violation;
import dev.rampart.checks.WorkloadCheck;
import dev.rampart.snapshot.ContainerType;
import dev.rampart.snapshot.ContainerView;
import dev.rampart.snapshot.Workload;
import io.fabric8.kubernetes.api.model.Probe;
import java.util.function.Consumer;
import java.util.function.Function;

/** A probe missing from the app containers of a workload that runs until stopped. */
abstract class MissingProbe extends WorkloadCheck {

  private final String field;
  private final Function<ContainerView, Probe> probe;

  MissingProbe(String field, Function<ContainerView, Probe> probe) {
    this.field = field;
    this.probe = probe;
  }

  @Override
  protected String notApplicable(Workload w) {
    return RunsToCompletion.reason(w);
  }

  @Override
  protected void check(Workload w, CheckContext context, Consumer<Violation> fail) {
    for (ContainerView c : w.containers()) {
      if (c.type() == ContainerType.CONTAINER && probe.apply(c) == null) {
        fail.accept(
            Violation.of(w.object(), c.field(field), "container " + c.name() + " has no " + field)
                .inContainer(c.name()));
      }
    }
  }
}
