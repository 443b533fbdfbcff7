package dev.rampart.checks.version;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Results;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

@CheckInfo(
    id = "kernel-vulnerable",
    title = "Node runs a Linux kernel with a known container-escape vulnerability",
    severity = Severity.HIGH,
    category = Category.VULNERABILITY,
    frameworks = {
      "nsa-cisa:upgrading",
      "nsa-cisa:vulnerability-scanning",
      "mitre:t1611",
      "mitre:t1068"
    },
    why =
        """
        Every container on a node shares its kernel. A kernel privilege escalation such as Dirty \
        Pipe (CVE-2022-0847) lets any container overwrite read-only files, including those of other \
        containers and the host: a container escape.""",
    remediation =
        """
        Update the node's kernel to a fixed release (for Dirty Pipe 5.10.102, 5.15.25, 5.16.11 or \
        later) and reboot, or replace the node with one built from a current image.""",
    notes =
        """
        Matches status.nodeInfo.kernelVersion with the upstream ranges in the bundled version data, \
        which lists only famous container escapes. Distribution kernels that keep patch level 0 and \
        add their own build number (Ubuntu 5.15.0-105-generic, Debian 6.1.0-13-amd64, RHEL \
        4.18.0-477.el8) backport fixes without changing the upstream version: they are not \
        evaluated rather than guessed; use the distribution's security tracker.""")
public final class KernelVulnerable extends VersionCheck {

  @Override
  protected void run(Snapshot snapshot, VersionData data, LocalDate today, Results results) {
    Set<String> distribution = new TreeSet<>();
    for (KubeObject node : snapshot.ofKind("Node")) {
      Optional<Version> kernel = ServerVersion.nodeInfo(node, "kernel");
      if (kernel.isEmpty() || !"linux".equalsIgnoreCase(KubeletVulnerableVersion.os(node))) {
        continue;
      }
      Version v = kernel.get();
      if (distributionBuild(v)) {
        distribution.add(node.name() + " (" + v.text() + ")");
        continue;
      }
      List<KnownVulnerability> affecting = data.affecting("linux-kernel", v, null);
      if (affecting.isEmpty()) {
        results.pass(node);
      }
      for (KnownVulnerability k : affecting) {
        results.fail(
            Violation.of(
                    node,
                    "status.nodeInfo.kernelVersion#" + k.id(),
                    KubernetesVulnerableVersion.describe(
                        "Linux kernel", v, "node " + node.name(), k))
                .withValue(v.text()));
      }
    }
    if (!distribution.isEmpty()) {
      List<String> names = List.copyOf(distribution);
      String shown =
          names.size() <= 3
              ? String.join(", ", names)
              : String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
      results.notEvaluated(
          "distribution kernels backport fixes without changing the upstream version, so their"
              + " version does not tell: "
              + shown);
    }
  }

  /** Patch level 0 followed by a build suffix: Ubuntu, Debian and RHEL number kernels this way. */
  static boolean distributionBuild(Version v) {
    return v.numbers().size() >= 3 && v.patch() == 0 && v.suffix().startsWith("-");
  }
}
