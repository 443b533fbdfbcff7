package dev.rampart.checks.controlplane;

import dev.rampart.checks.Category;
import dev.rampart.checks.Check;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Results;
import dev.rampart.checks.Severity;
import dev.rampart.snapshot.Snapshot;
import java.util.Set;

@CheckInfo(
    id = "control-plane-file-permissions",
    title = "Control-plane files have loose permissions or ownership",
    severity = Severity.MEDIUM,
    category = Category.CONTROL_PLANE,
    frameworks = {
      "cis-k8s-1.9:1.1.1",
      "cis-k8s-1.9:1.1.2",
      "cis-k8s-1.9:1.1.3",
      "cis-k8s-1.9:1.1.4",
      "cis-k8s-1.9:1.1.5",
      "cis-k8s-1.9:1.1.6",
      "cis-k8s-1.9:1.1.7",
      "cis-k8s-1.9:1.1.8",
      "cis-k8s-1.9:1.1.9",
      "cis-k8s-1.9:1.1.10",
      "cis-k8s-1.9:1.1.11",
      "cis-k8s-1.9:1.1.12",
      "cis-k8s-1.9:1.1.13",
      "cis-k8s-1.9:1.1.14",
      "cis-k8s-1.9:1.1.15",
      "cis-k8s-1.9:1.1.16",
      "cis-k8s-1.9:1.1.17",
      "cis-k8s-1.9:1.1.18",
      "cis-k8s-1.9:1.1.19",
      "cis-k8s-1.9:1.1.20",
      "cis-k8s-1.9:1.1.21",
      "nsa-cisa:control-plane-hardening"
    },
    why =
        """
        Static pod manifests, kubeconfig files such as admin.conf, the PKI directory and etcd's data \
        directory on the control-plane hosts are the keys to the cluster. Readable or writable by \
        other local users, they hand over cluster-admin.""",
    remediation =
        """
        On each control-plane node: chmod 600 the manifests in /etc/kubernetes/manifests, \
        admin.conf, super-admin.conf, scheduler.conf, controller-manager.conf and the PKI keys; \
        chown root:root them; chmod 700 and chown etcd:etcd the etcd data directory. kube-bench \
        run as a Job on those nodes verifies them.""",
    notes =
        """
        Agentless by design: file modes and owners live on the hosts and no Kubernetes API shows \
        them, so this check always reports not evaluated (or not applicable on a managed control \
        plane), never pass. It stands in the catalog so that the compliance view lists CIS 1.1.x \
        honestly.""")
public final class ControlPlaneFilePermissions implements Check {

  @Override
  public Set<String> requires() {
    return Set.of();
  }

  @Override
  public void run(Snapshot snapshot, CheckContext context, Results results) {
    Distribution d = Distribution.detect(snapshot);
    if (d.hidesControlPlane()) {
      results.notApplicable(d.object(), d.reason("the control-plane hosts' files"));
    } else {
      results.notEvaluated(
          "file permissions and ownership on the control-plane hosts (CIS 1.1.1 to 1.1.21) can only"
              + " be read on the hosts; run kube-bench as a Job on the control-plane nodes");
    }
  }
}
