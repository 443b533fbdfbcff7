package dev.rampart.checks.version;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Results;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import io.fabric8.kubernetes.api.model.Node;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

@CheckInfo(
    id = "container-runtime-vulnerable",
    title = "Node runs a container runtime version with known vulnerabilities",
    severity = Severity.HIGH,
    category = Category.VULNERABILITY,
    frameworks = {"nsa-cisa:upgrading", "nsa-cisa:vulnerability-scanning", "mitre:t1611"},
    why =
        """
        The container runtime and the runc it starts containers with are the wall between a \
        container and its node. Runtime vulnerabilities such as CVE-2024-21626 (Leaky Vessels, \
        runc before 1.1.12) let a malicious image or pod break out onto the node.""",
    remediation =
        """
        Upgrade the runtime on the node (containerd 1.6.38, 1.7.27, 2.0.4 or later) together with \
        its runc, or replace the node with one built from a current image.""",
    notes =
        """
        Reads status.nodeInfo.containerRuntimeVersion (containerd://1.6.31) and matches it with the \
        bundled version data. The runc a node uses is not visible: CVE-2024-21626 is matched on the \
        containerd releases whose official bundles shipped a vulnerable runc (before 1.6.28 and \
        1.7.13); distribution packages (Ubuntu, RHEL) ship runc separately and backport fixes \
        without changing the version, so confirm with runc --version on the node. Runtimes without \
        data (CRI-O, Docker) are not evaluated.""")
public final class ContainerRuntimeVulnerable extends VersionCheck {

  @Override
  protected void run(Snapshot snapshot, VersionData data, LocalDate today, Results results) {
    Set<String> unknown = new TreeSet<>();
    for (KubeObject node : snapshot.ofKind("Node")) {
      String runtime = runtime(node);
      if (runtime == null) {
        continue;
      }
      int scheme = runtime.indexOf("://");
      String name = scheme < 0 ? "" : runtime.substring(0, scheme);
      var version = Version.parse(runtime.substring(scheme < 0 ? 0 : scheme + 3));
      boolean known = data.vulnerabilities().stream().anyMatch(k -> k.component().equals(name));
      if (version.isEmpty() || !known) {
        unknown.add(runtime);
        continue;
      }
      List<KnownVulnerability> affecting = data.affecting(name, version.get(), null);
      if (affecting.isEmpty()) {
        results.pass(node);
      }
      for (KnownVulnerability k : affecting) {
        results.fail(
            Violation.of(
                    node,
                    "status.nodeInfo.containerRuntimeVersion#" + k.id(),
                    KubernetesVulnerableVersion.describe(
                        name, version.get(), "node " + node.name(), k))
                .withValue(runtime));
      }
    }
    if (!unknown.isEmpty()) {
      results.notEvaluated(
          "no vulnerability data for container runtime "
              + String.join(", ", unknown)
              + " in "
              + data.describe());
    }
  }

  static String runtime(KubeObject node) {
    if (node.resource() instanceof Node n
        && n.getStatus() != null
        && n.getStatus().getNodeInfo() != null) {
      return n.getStatus().getNodeInfo().getContainerRuntimeVersion();
    }
    return null;
  }
}
