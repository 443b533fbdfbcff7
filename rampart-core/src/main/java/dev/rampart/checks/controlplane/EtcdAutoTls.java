package dev.rampart.checks.controlplane;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.Snapshot;
import java.util.function.Consumer;

@CheckInfo(
    id = "etcd-auto-tls",
    title = "Self-signed automatic TLS certificates in etcd",
    severity = Severity.MEDIUM,
    category = Category.CONTROL_PLANE,
    frameworks = {"cis-k8s-1.9:2.3", "cis-k8s-1.9:2.6", "nsa-cisa:control-plane-hardening"},
    why =
        """
        With --auto-tls or --peer-auto-tls, etcd generates self-signed certificates that nobody can \
        verify: traffic is encrypted but either side may be an impostor.""",
    remediation =
        """
        Remove --auto-tls and --peer-auto-tls from etcd (or set them to false) and configure \
        certificates signed by the etcd CA.""",
    notes = "kube-bench (cfg/cis-1.9, 2.3 and 2.6) tests the same flags.")
public final class EtcdAutoTls extends ControlPlaneCheck {

  public EtcdAutoTls() {
    super(Component.ETCD);
  }

  @Override
  protected void check(
      ControlPlanePod pod, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    for (String flag : new String[] {"auto-tls", "peer-auto-tls"}) {
      Setting s = pod.setting(flag);
      if (s.isTrue()) {
        fail.accept(
            pod.violation(s, pod.name() + " uses unverifiable certificates: " + s.describe()));
      }
    }
  }
}
