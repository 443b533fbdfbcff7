package dev.rampart.checks.controlplane;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.Snapshot;
import java.util.function.Consumer;

@CheckInfo(
    id = "etcd-client-cert-auth-disabled",
    title = "Clients reach etcd without a certificate",
    severity = Severity.CRITICAL,
    category = Category.CONTROL_PLANE,
    frameworks = {
      "cis-k8s-1.9:2.2",
      "nsa-cisa:control-plane-hardening",
      "mitre:t1552",
      "mitre:t1078"
    },
    why =
        """
        Without --client-cert-auth=true, anyone who reaches etcd's client port reads and writes the \
        cluster's entire state, every Secret included, bypassing the API server's authentication, \
        authorization and audit.""",
    remediation =
        """
        Set --client-cert-auth=true and --trusted-ca-file on etcd, and give the API server a client \
        certificate (--etcd-certfile, --etcd-keyfile).""",
    notes =
        """
        Absent, the flag defaults to false. kube-bench (cfg/cis-1.9, 2.2) tests the same flag or \
        ETCD_CLIENT_CERT_AUTH in the environment, which Rampart reads too.""")
public final class EtcdClientCertAuthDisabled extends ControlPlaneCheck {

  public EtcdClientCertAuthDisabled() {
    super(Component.ETCD);
  }

  @Override
  protected void check(
      ControlPlanePod pod, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    Setting s = pod.setting("client-cert-auth");
    if (!s.isTrue()) {
      fail.accept(
          pod.violation(s, pod.name() + " does not require client certificates: " + s.describe()));
    }
  }
}
