package dev.rampart.checks.version;

import dev.rampart.checks.Category;
import dev.rampart.checks.Check;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Results;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import java.util.Optional;
import java.util.Set;

@CheckInfo(
    id = "kubelet-version-skew",
    title = "Kubelet version is outside the supported skew from the API server",
    severity = Severity.MEDIUM,
    category = Category.VULNERABILITY,
    frameworks = {"nsa-cisa:upgrading"},
    why =
        """
        Kubernetes supports kubelets up to three minor versions older than the API server (two \
        before 1.28) and never newer. Outside that window, API behaviour the kubelet relies on may \
        be gone, security features of the control plane (node authorization, credential \
        projection) may not be enforced on that node, and upgrades of the control plane break it.""",
    remediation =
        """
        Upgrade the node's kubelet to within the supported skew (ideally the API server's minor \
        version); never run a kubelet newer than the API server: upgrade the control plane first.""",
    notes =
        """
        Follows the version skew policy at kubernetes.io/releases/version-skew-policy. Needs the \
        API server's version (see kubernetes-end-of-life); without it the check is not evaluated.""")
public final class KubeletVersionSkew implements Check {

  @Override
  public Set<String> requires() {
    return Check.workloadsAnd("Node");
  }

  @Override
  public void run(Snapshot snapshot, CheckContext context, Results results) {
    Optional<ServerVersion> found = ServerVersion.of(snapshot);
    if (found.isEmpty()) {
      results.notEvaluated(ServerVersion.UNKNOWN);
      return;
    }
    Version server = found.get().version();
    int allowed = allowedSkew(server);
    for (KubeObject node : snapshot.ofKind("Node")) {
      Optional<Version> kubelet = ServerVersion.kubeletVersion(node);
      if (kubelet.isEmpty()) {
        continue;
      }
      Version v = kubelet.get();
      int behind = minorsBehind(server, v);
      String problem = null;
      if (behind < 0) {
        problem = "is newer than the API server " + server.text();
      } else if (behind > allowed) {
        problem =
            "is "
                + behind
                + " minor versions behind the API server "
                + server.text()
                + " (at most "
                + allowed
                + " are supported)";
      }
      if (problem == null) {
        results.pass(node);
      } else {
        results.fail(
            Violation.of(
                    node,
                    "status.nodeInfo.kubeletVersion",
                    "kubelet " + v.text() + " on node " + node.name() + " " + problem)
                .withValue(v.text()));
      }
    }
  }

  /** Since 1.28 kubelets may be three minors older than the API server, before that two. */
  static int allowedSkew(Version server) {
    return server.isAtLeast(1, 28) ? 3 : 2;
  }

  static int minorsBehind(Version server, Version kubelet) {
    if (server.major() != kubelet.major()) {
      return server.major() > kubelet.major() ? Integer.MAX_VALUE : -1;
    }
    return server.minor() - kubelet.minor();
  }
}
