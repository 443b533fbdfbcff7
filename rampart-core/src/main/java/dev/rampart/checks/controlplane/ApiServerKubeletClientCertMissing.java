package dev.rampart.checks.controlplane;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.Snapshot;
import java.util.function.Consumer;

@CheckInfo(
    id = "apiserver-kubelet-client-cert-missing",
    title = "API server has no client certificate for kubelets",
    severity = Severity.HIGH,
    category = Category.CONTROL_PLANE,
    frameworks = {"cis-k8s-1.9:1.2.4", "nsa-cisa:authentication-authorization"},
    why =
        """
        Without --kubelet-client-certificate and --kubelet-client-key the API server cannot \
        authenticate to kubelets for exec, logs and port-forward, which pushes operators to let \
        kubelets accept anonymous or unauthorized requests: an open door to every pod on every node.""",
    remediation =
        """
        Issue a client certificate for the API server (kubeadm: apiserver-kubelet-client.crt) and \
        set --kubelet-client-certificate and --kubelet-client-key on kube-apiserver.""",
    notes = "kube-bench (cfg/cis-1.9, 1.2.4) tests that both flags are set.")
public final class ApiServerKubeletClientCertMissing extends ControlPlaneCheck {

  public ApiServerKubeletClientCertMissing() {
    super(Component.KUBE_APISERVER);
  }

  @Override
  protected void check(
      ControlPlanePod pod, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    for (String flag : new String[] {"kubelet-client-certificate", "kubelet-client-key"}) {
      Setting s = pod.setting(flag);
      if (!s.isSet()) {
        fail.accept(
            pod.violation(s, pod.name() + " cannot authenticate to kubelets: " + s.describe()));
      }
    }
  }
}
