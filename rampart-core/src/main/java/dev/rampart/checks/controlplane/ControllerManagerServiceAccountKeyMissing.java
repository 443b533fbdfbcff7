package dev.rampart.checks.controlplane;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.Snapshot;
import java.util.function.Consumer;

@CheckInfo(
    id = "controller-manager-service-account-key-missing",
    title = "Controller manager has no key to sign service-account tokens",
    severity = Severity.MEDIUM,
    category = Category.CONTROL_PLANE,
    frameworks = {"cis-k8s-1.9:1.3.4", "nsa-cisa:authentication-authorization"},
    why =
        """
        Without --service-account-private-key-file the controller manager signs no service-account \
        token secrets, and key rotation for tokens cannot be managed apart from other keys.""",
    remediation =
        """
        Set --service-account-private-key-file on kube-controller-manager to the private half of \
        the key pair whose public half the API server verifies with (--service-account-key-file).""",
    notes = "kube-bench (cfg/cis-1.9, 1.3.4) tests the same flag.")
public final class ControllerManagerServiceAccountKeyMissing extends ControlPlaneCheck {

  public ControllerManagerServiceAccountKeyMissing() {
    super(Component.KUBE_CONTROLLER_MANAGER);
  }

  @Override
  protected void check(
      ControlPlanePod pod, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    Setting s = pod.setting("service-account-private-key-file");
    if (!s.isSet()) {
      fail.accept(
          pod.violation(s, pod.name() + " has no service-account signing key: " + s.describe()));
    }
  }
}
