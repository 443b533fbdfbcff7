package dev.rampart.checks;

import dev.rampart.snapshot.Snapshot;
import dev.rampart.snapshot.Workload;
import java.util.function.Consumer;

/**
 * A check of each workload whose verdict also depends on other objects of the snapshot: the pod's
 * ServiceAccount, a LimitRange of its namespace, a PodDisruptionBudget selecting its pods.
 */
public abstract class SnapshotWorkloadCheck extends WorkloadCheck {

  /** Why this check does not apply to {@code w}, or null when it does. */
  @Override
  protected String notApplicable(Workload w, Snapshot snapshot) {
    return null;
  }

  @Override
  protected abstract void check(
      Workload w, Snapshot snapshot, CheckContext context, Consumer<Violation> fail);

  @Override
  protected final String notApplicable(Workload w) {
    throw new UnsupportedOperationException("snapshot checks decide with the snapshot");
  }

  @Override
  protected final void check(Workload w, CheckContext context, Consumer<Violation> fail) {
    throw new UnsupportedOperationException("snapshot checks decide with the snapshot");
  }
}
