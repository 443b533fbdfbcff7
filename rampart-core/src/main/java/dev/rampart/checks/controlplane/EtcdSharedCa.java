package dev.rampart.checks.controlplane;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.Snapshot;
import java.util.function.Consumer;

@CheckInfo(
    id = "etcd-shared-ca",
    title = "The cluster CA is also etcd's client CA",
    severity = Severity.MEDIUM,
    category = Category.CONTROL_PLANE,
    frameworks = {"cis-k8s-1.9:2.7", "nsa-cisa:control-plane-hardening"},
    why =
        """
        If etcd trusts the cluster CA that signs every kubelet and user certificate, any of those \
        certificates is also an etcd client certificate: one stolen node credential reads etcd \
        directly. etcd needs a CA of its own.""",
    remediation =
        """
        Create a dedicated etcd CA (kubeadm does: /etc/kubernetes/pki/etcd/ca.crt), set \
        --trusted-ca-file on etcd to it, and issue the API server's etcd client certificate from it.""",
    notes =
        """
        Compares file paths: etcd's --trusted-ca-file against the API server's --client-ca-file. \
        Two paths holding the same certificate are not detected. A missing --trusted-ca-file fails. \
        kube-bench (cfg/cis-1.9, 2.7, Manual) only tests that the flag is set.""")
public final class EtcdSharedCa extends ControlPlaneCheck {

  public EtcdSharedCa() {
    super(Component.ETCD);
  }

  @Override
  protected void check(
      ControlPlanePod pod, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    Setting trusted = pod.setting("trusted-ca-file");
    if (!trusted.isSet()) {
      fail.accept(
          pod.violation(
              trusted, pod.name() + " has no CA to verify clients with: " + trusted.describe()));
      return;
    }
    for (ControlPlanePod api : ControlPlanePods.of(snapshot, Component.KUBE_APISERVER)) {
      Setting clientCa = api.setting("client-ca-file");
      if (trusted.value().equals(clientCa.value())) {
        fail.accept(
            pod.violation(
                trusted,
                pod.name()
                    + " trusts the cluster CA "
                    + trusted.value()
                    + ", the same file "
                    + api.name()
                    + " uses for --client-ca-file"));
        return;
      }
    }
  }
}
