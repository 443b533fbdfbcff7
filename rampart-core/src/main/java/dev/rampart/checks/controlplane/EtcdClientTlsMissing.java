package dev.rampart.checks.controlplane;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.Snapshot;
import java.util.function.Consumer;

@CheckInfo(
    id = "etcd-client-tls-missing",
    title = "Clients talk to etcd without TLS",
    severity = Severity.HIGH,
    category = Category.CONTROL_PLANE,
    frameworks = {"cis-k8s-1.9:2.1", "nsa-cisa:control-plane-hardening", "mitre:t1552"},
    why =
        """
        etcd holds every Secret and the whole state of the cluster. Without --cert-file and \
        --key-file, or with http:// client URLs, that data crosses the network in clear text.""",
    remediation =
        """
        Set --cert-file and --key-file on etcd (kubeadm: /etc/kubernetes/pki/etcd/server.crt and \
        .key) and use https:// in --listen-client-urls and --advertise-client-urls.""",
    notes =
        """
        kube-bench (cfg/cis-1.9, 2.1) tests the two flags (or ETCD_CERT_FILE and ETCD_KEY_FILE in \
        the environment, which Rampart reads too); plain-HTTP client URLs are checked besides. The \
        metrics URL (--listen-metrics-urls) serves no data and is not judged.""")
public final class EtcdClientTlsMissing extends ControlPlaneCheck {

  public EtcdClientTlsMissing() {
    super(Component.ETCD);
  }

  @Override
  protected void check(
      ControlPlanePod pod, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    for (String flag : new String[] {"cert-file", "key-file"}) {
      Setting s = pod.setting(flag);
      if (!s.isSet()) {
        fail.accept(pod.violation(s, pod.name() + " serves clients without TLS: " + s.describe()));
      }
    }
    EtcdUrls.failPlainHttp(
        pod, new String[] {"listen-client-urls", "advertise-client-urls"}, "clients", fail);
  }
}
