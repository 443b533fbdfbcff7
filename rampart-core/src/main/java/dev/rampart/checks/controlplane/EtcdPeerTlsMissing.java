package dev.rampart.checks.controlplane;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.Snapshot;
import java.util.function.Consumer;

@CheckInfo(
    id = "etcd-peer-tls-missing",
    title = "Peer traffic between etcd members is not encrypted",
    severity = Severity.HIGH,
    category = Category.CONTROL_PLANE,
    frameworks = {"cis-k8s-1.9:2.4", "nsa-cisa:control-plane-hardening", "mitre:t1552"},
    why =
        """
        etcd members replicate the whole cluster state, Secrets included, to each other. Without \
        --peer-cert-file and --peer-key-file, or with http:// peer URLs, replication crosses the \
        network in clear text.""",
    remediation =
        """
        Set --peer-cert-file and --peer-key-file on etcd (kubeadm: /etc/kubernetes/pki/etcd/peer.crt \
        and .key) and use https:// in --listen-peer-urls and --initial-advertise-peer-urls.""",
    notes =
        """
        kube-bench (cfg/cis-1.9, 2.4) tests the two flags; plain-HTTP peer URLs are checked besides. \
        A single-member etcd has no peers today, but the benchmark asks for peer TLS regardless.""")
public final class EtcdPeerTlsMissing extends ControlPlaneCheck {

  public EtcdPeerTlsMissing() {
    super(Component.ETCD);
  }

  @Override
  protected void check(
      ControlPlanePod pod, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    for (String flag : new String[] {"peer-cert-file", "peer-key-file"}) {
      Setting s = pod.setting(flag);
      if (!s.isSet()) {
        fail.accept(
            pod.violation(s, pod.name() + " talks to its peers without TLS: " + s.describe()));
      }
    }
    EtcdUrls.failPlainHttp(
        pod, new String[] {"listen-peer-urls", "initial-advertise-peer-urls"}, "peers", fail);
  }
}
