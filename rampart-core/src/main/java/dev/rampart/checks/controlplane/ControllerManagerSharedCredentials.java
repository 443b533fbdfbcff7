package dev.rampart.checks.controlplane;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.Snapshot;
import java.util.function.Consumer;

@CheckInfo(
    id = "controller-manager-shared-credentials",
    title = "Controllers share the controller manager's credentials",
    severity = Severity.MEDIUM,
    category = Category.CONTROL_PLANE,
    frameworks = {"cis-k8s-1.9:1.3.3", "nsa-cisa:authentication-authorization"},
    why =
        """
        With --use-service-account-credentials off, every controller runs with the controller \
        manager's own, very broad identity. Per-controller service accounts limit each to the \
        permissions its system:controller:* role grants, and make the audit log say which did what.""",
    remediation = "Set --use-service-account-credentials=true on kube-controller-manager.",
    notes =
        """
        Absent, the flag defaults to false, so a missing flag fails. kube-bench (cfg/cis-1.9, 1.3.3) \
        tests the same flag.""")
public final class ControllerManagerSharedCredentials extends ControlPlaneCheck {

  public ControllerManagerSharedCredentials() {
    super(Component.KUBE_CONTROLLER_MANAGER);
  }

  @Override
  protected void check(
      ControlPlanePod pod, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    Setting s = pod.setting("use-service-account-credentials");
    if (!s.isTrue()) {
      fail.accept(
          pod.violation(
              s, pod.name() + " runs every controller with one shared identity: " + s.describe()));
    }
  }
}
