package dev.rampart.checks.node;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.checks.controlplane.TlsPolicy;
import dev.rampart.snapshot.KubeObject;
import java.util.List;
import java.util.function.Consumer;

@CheckInfo(
    id = "kubelet-weak-tls",
    title = "Kubelet allows weak TLS ciphers or protocol versions",
    severity = Severity.LOW,
    category = Category.CONTROL_PLANE,
    frameworks = {"cis-k8s-1.9:4.2.12", "nsa-cisa:encryption"},
    why =
        """
        Cipher suites outside the benchmark's list and TLS 1.0/1.1 let an attacker on the path \
        downgrade and eventually decrypt kubelet traffic: exec sessions, logs, port-forwards.""",
    remediation =
        """
        Set tlsCipherSuites in the kubelet configuration to a subset of the benchmark's list (the \
        TLS_ECDHE_*_GCM_* and *_CHACHA20_POLY1305 suites) and tlsMinVersion to VersionTLS12 or \
        later, or leave both unset for Go's secure defaults; restart the kubelet.""",
    notes =
        """
        Read from the node's /configz. An absent tlsCipherSuites passes (Go's defaults); kube-bench \
        (cfg/cis-1.9, 4.2.12) fails it.""")
public final class KubeletWeakTls extends KubeletCheck {

  @Override
  protected void check(
      KubeletConfig config, KubeObject node, CheckContext context, Consumer<Violation> fail) {
    KubeletSetting suites = config.setting("tlsCipherSuites");
    if (suites.value() instanceof List<?> list) {
      List<String> weak =
          TlsPolicy.weak(list.stream().map(String::valueOf).toList(), TlsPolicy.KUBELET);
      if (!weak.isEmpty()) {
        fail.accept(
            config
                .violation(
                    suites,
                    config.name() + " allows weak TLS cipher suites: " + String.join(", ", weak))
                .withValue(String.join(",", weak)));
      }
    }
    KubeletSetting min = config.setting("tlsMinVersion");
    if (TlsPolicy.oldProtocol(min.text())) {
      fail.accept(
          config.violation(min, config.name() + " accepts TLS below 1.2: " + min.describe()));
    }
  }
}
