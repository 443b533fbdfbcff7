package dev.rampart.checks.controlplane;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.Snapshot;
import java.util.function.Consumer;

@CheckInfo(
    id = "apiserver-kubelet-ca-missing",
    title = "API server does not verify kubelet certificates",
    severity = Severity.MEDIUM,
    category = Category.CONTROL_PLANE,
    frameworks = {"cis-k8s-1.9:1.2.5", "nsa-cisa:authentication-authorization", "mitre:t1557"},
    why =
        """
        Without --kubelet-certificate-authority the API server connects to kubelets without \
        checking who answers. Whoever can intercept or impersonate a node address receives exec \
        sessions, logs and port-forwards, with the API server's credentials.""",
    remediation =
        """
        Have kubelets serve certificates signed by a cluster CA (serverTLSBootstrap: true and \
        approved CSRs, or provisioned certificates), then set --kubelet-certificate-authority on \
        kube-apiserver to that CA.""",
    notes =
        """
        kubeadm leaves the flag unset by default because kubelets serve self-signed certificates \
        unless serverTLSBootstrap is enabled. kube-bench (cfg/cis-1.9, 1.2.5) tests the same flag.""")
public final class ApiServerKubeletCaMissing extends ControlPlaneCheck {

  public ApiServerKubeletCaMissing() {
    super(Component.KUBE_APISERVER);
  }

  @Override
  protected void check(
      ControlPlanePod pod, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    Setting s = pod.setting("kubelet-certificate-authority");
    if (!s.isSet()) {
      fail.accept(
          pod.violation(
              s,
              pod.name() + " does not verify the kubelets' serving certificates: " + s.describe()));
    }
  }
}
