package dev.rampart.checks.controlplane;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.Snapshot;
import java.util.function.Consumer;

@CheckInfo(
    id = "controller-manager-cert-rotation-disabled",
    title = "Kubelet serving certificate rotation is turned off in the controller manager",
    severity = Severity.LOW,
    category = Category.CONTROL_PLANE,
    frameworks = {"cis-k8s-1.9:1.3.6", "nsa-cisa:control-plane-hardening"},
    why =
        """
        With the RotateKubeletServerCertificate feature gate off, kubelet serving certificates are \
        not renewed through the API: they live until they expire, and a leaked key stays useful \
        until then.""",
    remediation =
        """
        Remove RotateKubeletServerCertificate=false from --feature-gates on kube-controller-manager \
        (the gate is on by default since 1.12).""",
    notes = "kube-bench (cfg/cis-1.9, 1.3.6) fails only an explicit false, as here.")
public final class ControllerManagerCertRotationDisabled extends ControlPlaneCheck {

  public ControllerManagerCertRotationDisabled() {
    super(Component.KUBE_CONTROLLER_MANAGER);
  }

  @Override
  protected void check(
      ControlPlanePod pod, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    String gate = pod.flags().map("feature-gates").get("RotateKubeletServerCertificate");
    if (gate != null && gate.equalsIgnoreCase("false")) {
      fail.accept(
          pod.violation(
              "feature-gates",
              "RotateKubeletServerCertificate=false",
              pod.name() + " turns off kubelet serving certificate rotation"));
    }
  }
}
