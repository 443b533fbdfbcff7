package dev.rampart.checks.version;

import static dev.rampart.checks.version.VersionFixtures.node;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class KubeletVulnerableVersionTest {

  private static final String ID = "kubelet-vulnerable-version";

  @Test
  void matchesKubeletAndKubeProxyAndWindowsOnlyCvesOnWindows() {
    CheckTester t =
        CheckTester.run(
                new KubeletVulnerableVersion(),
                String.join(
                    "---\n",
                    node("gitrepo", ID, "v1.29.4", "containerd://1.7.27", "6.1.90", "linux"),
                    node("linux-1283", ID, "v1.28.3", "containerd://1.7.27", "6.1.90", "linux"),
                    node("win-1283", ID, "v1.28.3", "containerd://1.7.27", "10.0.20348", "windows"),
                    node("patched", null, "v1.30.14", "containerd://1.7.27", "6.1.90", "linux"),
                    node("old-proxy", ID, "v1.16.2", "docker://19.3.1", "4.19.0", "linux")),
                VersionFixtures.on("2026-01-01"))
            .assertExpectations();
    assertThat(t.findings())
        .filteredOn(f -> f.resource().name().equals("win-1283"))
        .extracting(f -> f.evidence().path())
        .containsExactlyInAnyOrder(
            "status.nodeInfo.kubeletVersion#CVE-2024-10220",
            "status.nodeInfo.kubeletVersion#CVE-2023-5528");
    assertThat(t.findings())
        .filteredOn(f -> f.resource().name().equals("old-proxy"))
        .extracting(f -> f.evidence().path())
        .contains("status.nodeInfo.kubeProxyVersion#CVE-2020-8558");
  }
}
