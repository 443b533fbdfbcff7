package dev.rampart.checks.controlplane;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.Snapshot;
import java.util.function.Consumer;

@CheckInfo(
    id = "apiserver-client-ca-missing",
    title = "API server cannot authenticate client certificates",
    severity = Severity.MEDIUM,
    category = Category.CONTROL_PLANE,
    frameworks = {"cis-k8s-1.9:1.2.25", "nsa-cisa:authentication-authorization"},
    why =
        """
        Without --client-ca-file the API server authenticates no client certificate: kubelets and \
        control-plane components fall back to weaker credentials such as static or bootstrap \
        tokens.""",
    remediation = "Set --client-ca-file on kube-apiserver to the cluster CA (kubeadm: ca.crt).",
    notes = "kube-bench (cfg/cis-1.9, 1.2.25) tests the same flag.")
public final class ApiServerClientCaMissing extends ControlPlaneCheck {

  public ApiServerClientCaMissing() {
    super(Component.KUBE_APISERVER);
  }

  @Override
  protected void check(
      ControlPlanePod pod, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    Setting s = pod.setting("client-ca-file");
    if (!s.isSet()) {
      fail.accept(
          pod.violation(
              s, pod.name() + " does not authenticate client certificates: " + s.describe()));
    }
  }
}
