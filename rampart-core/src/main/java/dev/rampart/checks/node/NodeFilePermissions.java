package dev.rampart.checks.node;

import dev.rampart.checks.Category;
import dev.rampart.checks.Check;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Results;
import dev.rampart.checks.Severity;
import dev.rampart.snapshot.Snapshot;
import java.util.Set;

@CheckInfo(
    id = "node-file-permissions",
    title = "Worker node files have loose permissions or ownership",
    severity = Severity.MEDIUM,
    category = Category.CONTROL_PLANE,
    frameworks = {
      "cis-k8s-1.9:4.1.1",
      "cis-k8s-1.9:4.1.2",
      "cis-k8s-1.9:4.1.3",
      "cis-k8s-1.9:4.1.4",
      "cis-k8s-1.9:4.1.5",
      "cis-k8s-1.9:4.1.6",
      "cis-k8s-1.9:4.1.7",
      "cis-k8s-1.9:4.1.8",
      "cis-k8s-1.9:4.1.9",
      "cis-k8s-1.9:4.1.10"
    },
    why =
        """
        The kubelet's service file, kubeconfig, client CA and config.yaml, and kube-proxy's \
        kubeconfig, decide how each node authenticates and what it trusts. Writable by other local \
        users they let a local foothold become the node's identity.""",
    remediation =
        """
        On each node: chmod 600 and chown root:root the kubelet service file, /etc/kubernetes/kubelet.conf, \
        the client CA file, /var/lib/kubelet/config.yaml and kube-proxy's kubeconfig. kube-bench run \
        as a DaemonSet or Job verifies them.""",
    notes =
        """
        Agentless by design: file modes and owners live on the hosts and no Kubernetes API shows \
        them, so this check always reports not evaluated, never pass. It stands in the catalog so \
        that the compliance view lists CIS 4.1.x honestly.""")
public final class NodeFilePermissions implements Check {

  @Override
  public Set<String> requires() {
    return Set.of();
  }

  @Override
  public void run(Snapshot snapshot, CheckContext context, Results results) {
    results.notEvaluated(
        "file permissions and ownership on the nodes (CIS 4.1.1 to 4.1.10) can only be read on the"
            + " hosts; run kube-bench as a Job on the nodes");
  }
}
