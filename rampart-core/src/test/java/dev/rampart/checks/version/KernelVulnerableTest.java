package dev.rampart.checks.version;

import static dev.rampart.checks.version.VersionFixtures.node;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class KernelVulnerableTest {

  private static final String ID = "kernel-vulnerable";

  @Test
  void judgesUpstreamNumberedKernelsAndLeavesDistributionBuildsNotEvaluated() {
    CheckTester t =
        CheckTester.run(
                new KernelVulnerable(),
                String.join(
                    "---\n",
                    node(
                        "amazon-dirty-pipe",
                        ID,
                        "v1.29.4",
                        "containerd://1.7.27",
                        "5.10.96-90.460.amzn2.x86_64",
                        "linux"),
                    node("vanilla-516", ID, "v1.29.4", "containerd://1.7.27", "5.16.0", "linux"),
                    node(
                        "amazon-fixed",
                        null,
                        "v1.29.4",
                        "containerd://1.7.27",
                        "5.10.102-99.473.amzn2.x86_64",
                        "linux"),
                    node("old-54", null, "v1.29.4", "containerd://1.7.27", "5.4.0", "linux"),
                    node(
                        "ubuntu",
                        null,
                        "v1.29.4",
                        "containerd://1.7.27",
                        "5.15.0-56-generic",
                        "linux"),
                    node(
                        "windows",
                        null,
                        "v1.29.4",
                        "containerd://1.7.27",
                        "10.0.20348.2113",
                        "windows")),
                VersionFixtures.on("2026-01-01"))
            .assertExpectations();
    assertThat(t.tally().notEvaluated())
        .singleElement()
        .asString()
        .contains("ubuntu (5.15.0-56-generic)");
  }
}
