package dev.rampart.checks.version;

import static dev.rampart.checks.version.VersionFixtures.node;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class ContainerRuntimeVulnerableTest {

  private static final String ID = "container-runtime-vulnerable";

  @Test
  void matchesContainerdAndLeavesRuntimesWithoutDataNotEvaluated() {
    CheckTester t =
        CheckTester.run(
                new ContainerRuntimeVulnerable(),
                String.join(
                    "---\n",
                    node("old-16", ID, "v1.29.4", "containerd://1.6.2", "6.1.90", "linux"),
                    node("old-17", ID, "v1.29.4", "containerd://1.7.12", "6.1.90", "linux"),
                    node("fixed-16", null, "v1.29.4", "containerd://1.6.28", "6.1.90", "linux"),
                    node("cri-o", null, "v1.29.4", "cri-o://1.29.1", "6.1.90", "linux")),
                VersionFixtures.on("2026-01-01"))
            .assertExpectations();
    assertThat(t.findings().get(0).message())
        .contains("CVE-2024-21626")
        .contains("fixed in 1.6.28");
    assertThat(t.tally().notEvaluated()).singleElement().asString().contains("cri-o://1.29.1");
  }
}
