package dev.rampart.checks.controlplane;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.Snapshot;
import java.util.List;
import java.util.function.Consumer;

@CheckInfo(
    id = "apiserver-weak-tls",
    title = "API server allows weak TLS ciphers or protocol versions",
    severity = Severity.LOW,
    category = Category.CONTROL_PLANE,
    frameworks = {"cis-k8s-1.9:1.2.29", "nsa-cisa:encryption"},
    why =
        """
        Cipher suites outside the benchmark's list (3DES, RC4, and others without forward secrecy \
        or authenticated encryption) and TLS 1.0/1.1 let an attacker on the path downgrade and \
        eventually decrypt API traffic, tokens included.""",
    remediation =
        """
        Set --tls-cipher-suites on kube-apiserver to a subset of the benchmark's list (the \
        TLS_ECDHE_*_GCM_* and *_CHACHA20_POLY1305 suites), and --tls-min-version=VersionTLS12 or \
        later, or leave both unset for Go's secure defaults.""",
    notes =
        """
        An absent --tls-cipher-suites passes: Go's defaults offer only suites of the list. kube-bench \
        (cfg/cis-1.9, 1.2.29) fails an absent flag, and accepts the 3DES suites of its list, which \
        Rampart refuses (Sweet32, CVE-2016-2183).""")
public final class ApiServerWeakTls extends ControlPlaneCheck {

  public ApiServerWeakTls() {
    super(Component.KUBE_APISERVER);
  }

  @Override
  protected void check(
      ControlPlanePod pod, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    List<String> weak = TlsPolicy.weak(pod.list("tls-cipher-suites"), TlsPolicy.API_SERVER);
    if (!weak.isEmpty()) {
      fail.accept(
          pod.violation(
              "tls-cipher-suites",
              String.join(",", weak),
              pod.name() + " allows weak TLS cipher suites: " + String.join(", ", weak)));
    }
    Setting min = pod.setting("tls-min-version");
    if (TlsPolicy.oldProtocol(min.value())) {
      fail.accept(pod.violation(min, pod.name() + " accepts TLS below 1.2: " + min.describe()));
    }
  }
}
