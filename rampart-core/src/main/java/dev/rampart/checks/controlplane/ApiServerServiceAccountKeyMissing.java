package dev.rampart.checks.controlplane;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.Snapshot;
import java.util.function.Consumer;

@CheckInfo(
    id = "apiserver-service-account-key-missing",
    title = "API server has no dedicated key to verify service-account tokens",
    severity = Severity.MEDIUM,
    category = Category.CONTROL_PLANE,
    frameworks = {"cis-k8s-1.9:1.2.22", "nsa-cisa:authentication-authorization"},
    why =
        """
        Without --service-account-key-file the API server verifies service-account tokens with its \
        own TLS key, so the serving key and the token-signing key cannot be rotated apart, and a \
        leak of one compromises both.""",
    remediation =
        """
        Create a dedicated key pair for service-account tokens; set --service-account-key-file \
        (public key) on kube-apiserver and --service-account-private-key-file on \
        kube-controller-manager.""",
    notes = "kube-bench (cfg/cis-1.9, 1.2.22) tests the same flag.")
public final class ApiServerServiceAccountKeyMissing extends ControlPlaneCheck {

  public ApiServerServiceAccountKeyMissing() {
    super(Component.KUBE_APISERVER);
  }

  @Override
  protected void check(
      ControlPlanePod pod, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    Setting s = pod.setting("service-account-key-file");
    if (!s.isSet()) {
      fail.accept(
          pod.violation(
              s, pod.name() + " has no dedicated service-account public key: " + s.describe()));
    }
  }
}
