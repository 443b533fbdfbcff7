package dev.rampart.checks.controlplane;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.Snapshot;
import java.util.function.Consumer;

@CheckInfo(
    id = "controller-manager-root-ca-missing",
    title = "Pods do not receive the cluster CA to verify the API server",
    severity = Severity.LOW,
    category = Category.CONTROL_PLANE,
    frameworks = {"cis-k8s-1.9:1.3.5", "nsa-cisa:control-plane-hardening", "mitre:t1557"},
    why =
        """
        --root-ca-file is the CA bundle the controller manager publishes to every namespace \
        (kube-root-ca.crt) for pods to verify the API server. Without it, in-cluster clients cannot \
        verify whom they send their tokens to.""",
    remediation =
        "Set --root-ca-file on kube-controller-manager to the cluster CA (kubeadm: ca.crt).",
    notes = "kube-bench (cfg/cis-1.9, 1.3.5) tests the same flag.")
public final class ControllerManagerRootCaMissing extends ControlPlaneCheck {

  public ControllerManagerRootCaMissing() {
    super(Component.KUBE_CONTROLLER_MANAGER);
  }

  @Override
  protected void check(
      ControlPlanePod pod, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    Setting s = pod.setting("root-ca-file");
    if (!s.isSet()) {
      fail.accept(pod.violation(s, pod.name() + " publishes no root CA to pods: " + s.describe()));
    }
  }
}
