package dev.rampart.checks.version;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Results;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

@CheckInfo(
    id = "kubelet-end-of-life",
    title = "Node runs a kubelet past its end of life",
    severity = Severity.MEDIUM,
    category = Category.VULNERABILITY,
    frameworks = {"nsa-cisa:upgrading", "mitre:t1611"},
    why =
        """
        A kubelet whose minor release is past its end of life gets no more security fixes; \
        node-level vulnerabilities (volume handling, exec, log queries) stay open on that node for \
        good, even when the control plane is current.""",
    remediation =
        """
        Drain the node and upgrade its kubelet (or replace it with a node from a current image) to \
        the control plane's minor version.""",
    notes =
        """
        Reads status.nodeInfo.kubeletVersion of each Node and judges it against the scan date with \
        the bundled version data (rampart data show).""")
public final class KubeletEndOfLife extends VersionCheck {

  @Override
  protected void run(Snapshot snapshot, VersionData data, LocalDate today, Results results) {
    Set<String> unknownLines = new TreeSet<>();
    for (KubeObject node : snapshot.ofKind("Node")) {
      Optional<Version> kubelet = ServerVersion.kubeletVersion(node);
      if (kubelet.isEmpty()) {
        continue;
      }
      Version v = kubelet.get();
      Optional<KubernetesRelease> release = data.release(v);
      String evidence = "node " + node.name();
      if (release.isPresent() && release.get().isEndOfLife(today)) {
        results.fail(
            violation(
                node,
                v,
                "kubelet " + KubernetesEndOfLife.endedMessage(v, release.get(), evidence)));
      } else if (release.isEmpty() && data.olderThanAll(v)) {
        results.fail(
            violation(
                node,
                v,
                "kubelet "
                    + v.text()
                    + " on node "
                    + node.name()
                    + " is older than every release in the version data: long past its end of"
                    + " life"));
      } else if (release.isPresent()) {
        results.pass(node);
      } else {
        unknownLines.add(v.minorLine());
      }
    }
    if (!unknownLines.isEmpty()) {
      results.notEvaluated(
          "kubelet release lines "
              + String.join(", ", unknownLines)
              + " are not in the version data ("
              + data.describe()
              + "); update it with rampart data update --from FILE");
    }
  }

  private static Violation violation(KubeObject node, Version v, String message) {
    return Violation.of(node, "status.nodeInfo.kubeletVersion", message).withValue(v.text());
  }
}
