package dev.rampart.checks.version;

import static dev.rampart.checks.controlplane.ControlPlaneFixtures.API_SERVER;
import static dev.rampart.checks.controlplane.ControlPlaneFixtures.pod;
import static dev.rampart.checks.version.VersionFixtures.node;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckTester;
import dev.rampart.checks.controlplane.Component;
import org.junit.jupiter.api.Test;

class KubeletVersionSkewTest {

  private static final String ID = "kubelet-version-skew";

  private static String nodeAt(String name, String expect, String kubelet) {
    return node(name, expect, kubelet, "containerd://1.7.27", "6.1.90", "linux");
  }

  private static String server(String tag) {
    return pod(Component.KUBE_APISERVER, "kube-apiserver-cp-1", null, tag, API_SERVER);
  }

  @Test
  void allowsThreeMinorsBehindSince128AndNeverAhead() {
    CheckTester.run(
            new KubeletVersionSkew(),
            String.join(
                "---\n",
                server("v1.30.2"),
                nodeAt("same", null, "v1.30.2"),
                nodeAt("three-behind", null, "v1.27.16"),
                nodeAt("four-behind", ID, "v1.26.15"),
                nodeAt("ahead", ID, "v1.31.0")),
            CheckContext.defaults())
        .assertExpectations();
  }

  @Test
  void allowedTwoMinorsBefore128() {
    CheckTester.run(
            new KubeletVersionSkew(),
            String.join(
                "---\n",
                server("v1.27.6"),
                nodeAt("two-behind", null, "v1.25.16"),
                nodeAt("three-behind", ID, "v1.24.17")),
            CheckContext.defaults())
        .assertExpectations();
  }

  @Test
  void needsTheServerVersion() {
    CheckTester t =
        CheckTester.run(
            new KubeletVersionSkew(), nodeAt("n", null, "v1.29.4"), CheckContext.defaults());
    assertThat(t.tally().notEvaluated()).containsExactly(ServerVersion.UNKNOWN);
  }
}
