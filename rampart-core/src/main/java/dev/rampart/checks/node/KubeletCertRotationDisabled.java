package dev.rampart.checks.node;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.KubeObject;
import java.util.function.Consumer;

@CheckInfo(
    id = "kubelet-cert-rotation-disabled",
    title = "Kubelet certificates are not rotated",
    severity = Severity.MEDIUM,
    category = Category.CONTROL_PLANE,
    frameworks = {
      "cis-k8s-1.9:4.2.10",
      "cis-k8s-1.9:4.2.11",
      "nsa-cisa:authentication-authorization"
    },
    why =
        """
        Without rotation, the kubelet's client certificate (its identity towards the API server) and \
        its serving certificate live until they expire, typically a year: a stolen key stays \
        useful all that time, and an expiry takes the node down.""",
    remediation =
        """
        Set rotateCertificates: true in the kubelet configuration, and do not set the \
        RotateKubeletServerCertificate feature gate to false; restart the kubelet.""",
    notes =
        """
        Read from the node's /configz. kube-bench (cfg/cis-1.9, 4.2.10 and 4.2.11) passes an absent \
        rotateCertificates; the config file field defaults to false, so Rampart fails it (configz \
        always shows the effective value).""")
public final class KubeletCertRotationDisabled extends KubeletCheck {

  @Override
  protected void check(
      KubeletConfig config, KubeObject node, CheckContext context, Consumer<Violation> fail) {
    KubeletSetting rotate = config.setting("rotateCertificates");
    if (!rotate.isTrue()) {
      fail.accept(
          config.violation(
              rotate,
              config.name() + " does not rotate its client certificate: " + rotate.describe()));
    }
    KubeletSetting gate = config.setting("featureGates.RotateKubeletServerCertificate");
    if (gate.isFalse()) {
      fail.accept(
          config.violation(
              gate, config.name() + " turns off serving certificate rotation: " + gate.describe()));
    }
  }
}
