package dev.rampart.checks;

import dev.rampart.snapshot.Snapshot;
import dev.rampart.snapshot.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A check of each workload's pod template: passes when it reports no violation. */
public abstract class WorkloadCheck implements Check {

  @Override
  public final void run(Snapshot snapshot, CheckContext context, Results results) {
    List<Violation> found = new ArrayList<>();
    for (Workload w : snapshot.workloads()) {
      String reason = notApplicable(w, snapshot);
      if (reason != null) {
        results.notApplicable(w.object(), reason);
        continue;
      }
      found.clear();
      check(w, snapshot, context, found::add);
      if (found.isEmpty()) {
        results.pass(w.object());
      } else {
        found.forEach(results::fail);
      }
    }
  }

  /** Why this check does not apply to {@code w}, or null when it does. */
  protected String notApplicable(Workload w) {
    return null;
  }

  protected abstract void check(Workload w, CheckContext context, Consumer<Violation> fail);

  /** The hooks {@link SnapshotWorkloadCheck} widens to the whole snapshot. */
  String notApplicable(Workload w, Snapshot snapshot) {
    return notApplicable(w);
  }

  void check(Workload w, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    check(w, context, fail);
  }
}
