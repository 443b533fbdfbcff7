package dev.rampart.checks.version;

import static dev.rampart.checks.version.VersionFixtures.node;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class KubeletEndOfLifeTest {

  private static final String ID = "kubelet-end-of-life";

  @Test
  void flagsKubeletsPastTheirEndOfLifeOnTheScanDate() {
    CheckTester t =
        CheckTester.run(
                new KubeletEndOfLife(),
                String.join(
                    "---\n",
                    node("old", ID, "v1.27.6", "containerd://1.7.27", "6.1.90", "linux"),
                    node("ancient", ID, "v1.18.20", "containerd://1.7.27", "6.1.90", "linux"),
                    node("current", null, "v1.33.5", "containerd://1.7.27", "6.1.90", "linux"),
                    node("future", null, "v1.40.1", "containerd://1.7.27", "6.1.90", "linux")),
                VersionFixtures.on("2026-01-01"))
            .assertExpectations();
    assertThat(t.tally().notEvaluated()).singleElement().asString().contains("1.40");
  }
}
