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
    id = "kubelet-hostname-override",
    title = "Kubelet overrides the node's host name",
    severity = Severity.LOW,
    category = Category.CONTROL_PLANE,
    frameworks = {"cis-k8s-1.9:4.2.7"},
    why =
        """
        A kubelet started with --hostname-override registers under a name that differs from the \
        host's, which breaks the match between the node's serving certificate and its name and \
        pushes operators to skip kubelet certificate verification.""",
    remediation =
        """
        Remove --hostname-override from the kubelet's command line (its systemd drop-in) unless the \
        cloud provider requires it, and restart the kubelet.""",
    notes =
        """
        --hostname-override exists only on the kubelet's command line; neither /configz nor the \
        Node object shows it, so the check always reports not evaluated. kube-bench (cfg/cis-1.9, \
        4.2.7) reads the process list on the node.""")
public final class KubeletHostnameOverride implements Check {

  @Override
  public Set<String> requires() {
    return Set.of();
  }

  @Override
  public void run(Snapshot snapshot, CheckContext context, Results results) {
    results.notEvaluated(
        "--hostname-override is a kubelet command-line flag; the kubelet configuration (configz)"
            + " and the Node object do not show it (CIS 4.2.7)");
  }
}
