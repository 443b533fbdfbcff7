package dev.rampart.checks.node;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.KubeObject;
import java.util.function.Consumer;

@CheckInfo(
    id = "kubelet-serving-cert-missing",
    title = "Kubelet serves a self-signed certificate",
    severity = Severity.LOW,
    category = Category.CONTROL_PLANE,
    frameworks = {"cis-k8s-1.9:4.2.9", "nsa-cisa:authentication-authorization", "mitre:t1557"},
    why =
        """
        Without tlsCertFile and tlsPrivateKeyFile, and without serverTLSBootstrap, the kubelet \
        generates a self-signed serving certificate at startup. Nobody can verify it, so the API \
        server talks to kubelets without knowing who answers.""",
    remediation =
        """
        Set serverTLSBootstrap: true in the kubelet configuration and approve the kubelet-serving \
        CSRs (or provide tlsCertFile and tlsPrivateKeyFile signed by the cluster CA); then set \
        --kubelet-certificate-authority on the API server.""",
    notes =
        """
        Read from the node's /configz. kube-bench (cfg/cis-1.9, 4.2.9) asks for the two file fields; \
        Rampart also passes serverTLSBootstrap, which issues the same kind of certificate through \
        the certificates API.""")
public final class KubeletServingCertMissing extends KubeletCheck {

  @Override
  protected void check(
      KubeletConfig config, KubeObject node, CheckContext context, Consumer<Violation> fail) {
    KubeletSetting cert = config.setting("tlsCertFile");
    KubeletSetting key = config.setting("tlsPrivateKeyFile");
    KubeletSetting bootstrap = config.setting("serverTLSBootstrap");
    if (!(cert.isSet() && key.isSet()) && !bootstrap.isTrue()) {
      fail.accept(
          config.violation(
              cert,
              config.name()
                  + " serves a self-signed certificate: no tlsCertFile/tlsPrivateKeyFile and "
                  + bootstrap.describe()));
    }
  }
}
