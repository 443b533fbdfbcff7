package dev.rampart.checks.workload;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Patches;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.checks.WorkloadCheck;
import dev.rampart.snapshot.Workload;
import java.util.function.Consumer;

@CheckInfo(
    id = "shared-process-namespace",
    title = "Containers of the pod share one process namespace",
    severity = Severity.MEDIUM,
    category = Category.WORKLOAD,
    frameworks = {"nsa-cisa:pod-security", "mitre:t1552"},
    why =
        """
        With shareProcessNamespace every container sees the others' processes: it can signal them, \
        read their environment (credentials included) and, as the same user, reach their \
        filesystems through /proc/PID/root. A compromise of the least trusted sidecar becomes a \
        compromise of every container in the pod.""",
    remediation =
        """
        Remove shareProcessNamespace or set it to false; use it only for a debugging session or a \
        sidecar that truly needs to signal the app, and then run the containers as different \
        users.""",
    notes = "Polaris has no such check.")
public final class SharedProcessNamespace extends WorkloadCheck {

  private static final String FIELD = "shareProcessNamespace";

  @Override
  protected void check(Workload w, CheckContext context, Consumer<Violation> fail) {
    if (Boolean.TRUE.equals(w.spec().getShareProcessNamespace())) {
      fail.accept(
          Violation.of(
                  w.object(),
                  w.field(FIELD),
                  "the containers of " + w.kind() + " " + w.name() + " share a process namespace")
              .withValue(true)
              .withPatch(Patches.pod(w, FIELD, false)));
    }
  }
}
