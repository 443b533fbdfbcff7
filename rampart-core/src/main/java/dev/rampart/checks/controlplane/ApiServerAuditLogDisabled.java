package dev.rampart.checks.controlplane;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.Snapshot;
import java.util.function.Consumer;

@CheckInfo(
    id = "apiserver-audit-log-disabled",
    title = "API server keeps no audit log",
    severity = Severity.MEDIUM,
    category = Category.CONTROL_PLANE,
    frameworks = {
      "cis-k8s-1.9:1.2.16",
      "cis-k8s-1.9:3.2.1",
      "nsa-cisa:audit-logging",
      "mitre:t1562"
    },
    why =
        """
        The audit log is the only record of who read which Secret, who exec'd into which pod, and \
        who changed RBAC. Without it an intrusion cannot be detected or reconstructed.""",
    remediation =
        """
        Write an audit policy (at least Metadata for Secrets, ConfigMaps and TokenReviews, and \
        RequestResponse for pods/exec, pods/portforward and RBAC changes), then set \
        --audit-policy-file and either --audit-log-path (with a mounted host directory) or \
        --audit-webhook-config-file on kube-apiserver.""",
    notes =
        """
        Both a policy and a backend are needed: without --audit-policy-file nothing is logged even \
        when --audit-log-path is set. A webhook backend counts as a backend, where kube-bench \
        (cfg/cis-1.9, 1.2.16 and 3.2.1) asks for --audit-log-path in particular. The policy's \
        contents (CIS 3.2.2) live in a file on the host and are reported not evaluated.""")
public final class ApiServerAuditLogDisabled extends ControlPlaneCheck {

  public ApiServerAuditLogDisabled() {
    super(Component.KUBE_APISERVER);
  }

  @Override
  protected String partlyNotEvaluated(ControlPlanePod pod) {
    Setting policy = pod.setting("audit-policy-file");
    return policy.isSet()
        ? "what the audit policy records (CIS 3.2.2) is in "
            + policy.value()
            + " on the control-plane hosts, which the API does not show"
        : null;
  }

  @Override
  protected void check(
      ControlPlanePod pod, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    Setting path = pod.setting("audit-log-path");
    Setting webhook = pod.setting("audit-webhook-config-file");
    Setting policy = pod.setting("audit-policy-file");
    if (!path.isSet() && !webhook.isSet()) {
      fail.accept(
          pod.violation(
              path,
              pod.name()
                  + " writes no audit log: neither --audit-log-path nor"
                  + " --audit-webhook-config-file is set"));
    }
    if (!policy.isSet()) {
      fail.accept(
          pod.violation(
              policy,
              pod.name() + " has no audit policy, so nothing is audited: " + policy.describe()));
    }
  }
}
