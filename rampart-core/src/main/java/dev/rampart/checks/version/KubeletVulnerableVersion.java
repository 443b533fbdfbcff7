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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@CheckInfo(
    id = "kubelet-vulnerable-version",
    title = "Node runs a kubelet or kube-proxy version with known vulnerabilities",
    severity = Severity.HIGH,
    category = Category.VULNERABILITY,
    frameworks = {"nsa-cisa:upgrading", "nsa-cisa:vulnerability-scanning", "mitre:t1611"},
    why =
        """
        Kubelet and kube-proxy vulnerabilities are node escapes and network bypasses: a pod that \
        can use the vulnerable feature (a gitRepo volume, a subPath mount, a Windows storage \
        plugin) reaches the node, and from there every pod and credential on it.""",
    remediation =
        """
        Upgrade the node's kubelet and kube-proxy to a patch release that fixes each listed CVE, or \
        replace the node with one built from a current image; apply the advisory's mitigation \
        meanwhile.""",
    notes =
        """
        One finding per CVE and node, matched on status.nodeInfo.kubeletVersion and \
        kubeProxyVersion with the bundled version data, whose entries come from the official \
        Kubernetes CVE feed. Windows-only CVEs match Windows nodes only.""")
public final class KubeletVulnerableVersion extends VersionCheck {

  @Override
  protected void run(Snapshot snapshot, VersionData data, LocalDate today, Results results) {
    for (KubeObject node : snapshot.ofKind("Node")) {
      List<Violation> found = new ArrayList<>();
      String os = os(node);
      boolean known = match(node, data, "kubelet", "status.nodeInfo.kubeletVersion", os, found);
      known |= match(node, data, "kube-proxy", "status.nodeInfo.kubeProxyVersion", os, found);
      if (!known) {
        continue;
      }
      if (found.isEmpty()) {
        results.pass(node);
      } else {
        found.forEach(results::fail);
      }
    }
  }

  /** Adds a violation per CVE; false when the node does not report this component's version. */
  private static boolean match(
      KubeObject node,
      VersionData data,
      String component,
      String field,
      String os,
      List<Violation> found) {
    Optional<Version> v = ServerVersion.nodeInfo(node, component);
    if (v.isEmpty()) {
      return false;
    }
    for (KnownVulnerability k : data.affecting(component, v.get(), os)) {
      found.add(
          Violation.of(
                  node,
                  field + "#" + k.id(),
                  KubernetesVulnerableVersion.describe(
                      component, v.get(), "node " + node.name(), k))
              .withValue(v.get().text()));
    }
    return true;
  }

  static String os(KubeObject node) {
    if (node.resource() instanceof Node n
        && n.getStatus() != null
        && n.getStatus().getNodeInfo() != null
        && n.getStatus().getNodeInfo().getOperatingSystem() != null) {
      return n.getStatus().getNodeInfo().getOperatingSystem();
    }
    return node.labels().getOrDefault("kubernetes.io/os", "linux");
  }
}
