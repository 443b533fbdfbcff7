package dev.rampart.checks.node;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.KubeObject;
import java.util.function.Consumer;

@CheckInfo(
    id = "kubelet-client-ca-missing",
    title = "Kubelet cannot authenticate client certificates",
    severity = Severity.MEDIUM,
    category = Category.CONTROL_PLANE,
    frameworks = {"cis-k8s-1.9:4.2.3", "nsa-cisa:authentication-authorization"},
    why =
        """
        Without authentication.x509.clientCAFile the kubelet cannot verify the API server's client \
        certificate, so exec, logs and port-forward through the API either fail or push operators \
        to open the kubelet to anonymous access.""",
    remediation =
        """
        Set authentication.x509.clientCAFile in the kubelet configuration to the cluster CA \
        (kubeadm: /etc/kubernetes/pki/ca.crt) and restart the kubelet.""",
    notes =
        "Read from the node's /configz. kube-bench (cfg/cis-1.9, 4.2.3) tests the same setting.")
public final class KubeletClientCaMissing extends KubeletCheck {

  @Override
  protected void check(
      KubeletConfig config, KubeObject node, CheckContext context, Consumer<Violation> fail) {
    KubeletSetting s = config.setting("authentication.x509.clientCAFile");
    if (!s.isSet()) {
      fail.accept(
          config.violation(
              s, config.name() + " does not authenticate client certificates: " + s.describe()));
    }
  }
}
