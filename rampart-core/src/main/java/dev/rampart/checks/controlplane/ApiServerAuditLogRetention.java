package dev.rampart.checks.controlplane;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.Snapshot;
import java.util.function.Consumer;

@CheckInfo(
    id = "apiserver-audit-log-retention",
    title = "API server audit log retention is below the benchmark",
    severity = Severity.LOW,
    category = Category.CONTROL_PLANE,
    frameworks = {
      "cis-k8s-1.9:1.2.17",
      "cis-k8s-1.9:1.2.18",
      "cis-k8s-1.9:1.2.19",
      "nsa-cisa:audit-logging"
    },
    why =
        """
        Audit logs that rotate away within days are gone by the time an intrusion is noticed. The \
        benchmark asks for at least 30 days, 10 rotated files and 100 MB per file.""",
    remediation =
        """
        Set --audit-log-maxage=30, --audit-log-maxbackup=10 and --audit-log-maxsize=100 (or more) on \
        kube-apiserver, and ship the files to central storage.""",
    notes =
        """
        Applies when audit logs go to a file (--audit-log-path, not "-" for standard output). As \
        in kube-bench (cfg/cis-1.9, 1.2.17 to 1.2.19), an absent flag fails; absent, the API server \
        keeps old files without an age or count limit, so the finding is a benchmark deviation \
        rather than data loss.""")
public final class ApiServerAuditLogRetention extends ControlPlaneCheck {

  private record Minimum(String flag, int value, String unit) {}

  private static final Minimum[] MINIMUMS = {
    new Minimum("audit-log-maxage", 30, "days"),
    new Minimum("audit-log-maxbackup", 10, "files"),
    new Minimum("audit-log-maxsize", 100, "MB")
  };

  public ApiServerAuditLogRetention() {
    super(Component.KUBE_APISERVER);
  }

  @Override
  protected void check(
      ControlPlanePod pod, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    Setting path = pod.setting("audit-log-path");
    if (!path.isSet() || path.value().equals("-")) {
      return;
    }
    for (Minimum m : MINIMUMS) {
      Setting s = pod.setting(m.flag());
      if (!s.explicit() || number(s.value()) < m.value()) {
        fail.accept(
            pod.violation(
                s,
                pod.name()
                    + " keeps less audit history than "
                    + m.value()
                    + " "
                    + m.unit()
                    + ": "
                    + s.describe()));
      }
    }
  }

  private static long number(String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
