package dev.rampart.checks.controlplane;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.Snapshot;
import java.util.Locale;
import java.util.function.Consumer;

@CheckInfo(
    id = "apiserver-etcd-tls-missing",
    title = "API server talks to etcd without mutual TLS",
    severity = Severity.HIGH,
    category = Category.CONTROL_PLANE,
    frameworks = {
      "cis-k8s-1.9:1.2.23",
      "cis-k8s-1.9:1.2.26",
      "nsa-cisa:control-plane-hardening",
      "mitre:t1552"
    },
    why =
        """
        etcd holds every Secret of the cluster. Without a client certificate the API server cannot \
        prove itself to etcd (so etcd must accept anyone), and without the etcd CA it cannot tell \
        the real etcd from an impostor; over plain http anyone on the path reads everything.""",
    remediation =
        """
        Set --etcd-certfile, --etcd-keyfile and --etcd-cafile on kube-apiserver, and use https:// \
        URLs in --etcd-servers.""",
    notes =
        "kube-bench (cfg/cis-1.9, 1.2.23 and 1.2.26) tests the three flags; the https scheme is checked besides.")
public final class ApiServerEtcdTlsMissing extends ControlPlaneCheck {

  public ApiServerEtcdTlsMissing() {
    super(Component.KUBE_APISERVER);
  }

  @Override
  protected void check(
      ControlPlanePod pod, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    for (String flag : new String[] {"etcd-certfile", "etcd-keyfile", "etcd-cafile"}) {
      Setting s = pod.setting(flag);
      if (!s.isSet()) {
        fail.accept(
            pod.violation(s, pod.name() + " connects to etcd without mutual TLS: " + s.describe()));
      }
    }
    for (String server : pod.list("etcd-servers")) {
      if (server.toLowerCase(Locale.ROOT).startsWith("http://")) {
        fail.accept(
            pod.violation(
                "etcd-servers",
                server,
                pod.name() + " connects to etcd over plain HTTP: " + server));
      }
    }
  }
}
