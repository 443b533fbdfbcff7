package dev.rampart.checks.controlplane;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.Snapshot;
import java.util.function.Consumer;

@CheckInfo(
    id = "etcd-peer-client-cert-auth-disabled",
    title = "Peers join etcd without a certificate",
    severity = Severity.HIGH,
    category = Category.CONTROL_PLANE,
    frameworks = {"cis-k8s-1.9:2.5", "nsa-cisa:control-plane-hardening", "mitre:t1552"},
    why =
        """
        Without --peer-client-cert-auth=true, anyone who reaches the peer port can join or talk to \
        the etcd cluster as a member and receive the replicated state, every Secret included.""",
    remediation =
        """
        Set --peer-client-cert-auth=true and --peer-trusted-ca-file on every etcd member.""",
    notes =
        """
        Absent, the flag defaults to false. kube-bench (cfg/cis-1.9, 2.5) tests the same flag or \
        ETCD_PEER_CLIENT_CERT_AUTH in the environment, which Rampart reads too.""")
public final class EtcdPeerClientCertAuthDisabled extends ControlPlaneCheck {

  public EtcdPeerClientCertAuthDisabled() {
    super(Component.ETCD);
  }

  @Override
  protected void check(
      ControlPlanePod pod, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    Setting s = pod.setting("peer-client-cert-auth");
    if (!s.isTrue()) {
      fail.accept(
          pod.violation(s, pod.name() + " does not authenticate its peers: " + s.describe()));
    }
  }
}
