package dev.rampart.checks.version;

import static dev.rampart.checks.controlplane.ControlPlaneFixtures.API_SERVER;
import static dev.rampart.checks.controlplane.ControlPlaneFixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckRun;
import dev.rampart.checks.CheckRunner;
import dev.rampart.checks.CheckTester;
import dev.rampart.checks.Finding;
import dev.rampart.checks.SeverityOverrides;
import dev.rampart.checks.controlplane.Component;
import dev.rampart.snapshot.ClusterInfo;
import dev.rampart.snapshot.Snapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

class KubernetesEndOfLifeTest {

  private static String apiServer(String tag, String expect) {
    return pod(Component.KUBE_APISERVER, "kube-apiserver-cp-1", expect, tag, API_SERVER);
  }

  @Test
  void judgesTheReleaseAgainstTheScanDate() {
    String v129 = apiServer("v1.29.4", "kubernetes-end-of-life");
    CheckTester.run(new KubernetesEndOfLife(), v129, VersionFixtures.on("2025-03-01"))
        .assertExpectations();
    CheckTester before =
        CheckTester.run(new KubernetesEndOfLife(), v129, VersionFixtures.on("2025-02-27"));
    assertThat(before.findings()).isEmpty();
    assertThat(before.tally().passed()).isEqualTo(1);
  }

  @Test
  void saysWhichEvidenceGaveTheVersion() {
    Finding f =
        CheckTester.run(
                new KubernetesEndOfLife(),
                apiServer("v1.29.4", null),
                VersionFixtures.on("2026-01-01"))
            .findings()
            .get(0);
    assertThat(f.message())
        .isEqualTo(
            "Kubernetes 1.29 (v1.29.4, from the kube-apiserver image tag of"
                + " Pod/kube-system/kube-apiserver-cp-1) reached its end of life on 2025-02-28; its"
                + " final patch release is 1.29.15");
    assertThat(f.evidence().path()).isEqualTo("spec.containers[0].image");
  }

  @Test
  void fallsBackToTheControlPlaneNodesKubelet() {
    Finding f =
        CheckTester.run(
                new KubernetesEndOfLife(),
                VersionFixtures.controlPlaneNode("cp-1", "v1.28.9"),
                VersionFixtures.on("2026-01-01"))
            .findings()
            .get(0);
    assertThat(f.resource().kind()).isEqualTo("Node");
    assertThat(f.message()).contains("from the kubelet of control-plane node cp-1");
  }

  @Test
  void prefersTheServersOwnVersionAndNamesVendorBuilds() {
    Snapshot live =
        new Snapshot("live", List.of(), List.of(), new ClusterInfo("v1.29.3-eks-adc7111"));
    CheckRun run =
        new CheckRunner(List.of(new KubernetesEndOfLife()), "test")
            .run(live, VersionFixtures.on("2026-01-01"), SeverityOverrides.NONE);
    Finding f = run.findings().get(0);
    assertThat(f.resource().kind()).isEqualTo("Cluster");
    assertThat(f.message())
        .contains("from the API server's /version")
        .contains("v1.29.3-eks-adc7111 is a vendor build");
  }

  @Test
  void olderThanTheDataFailsNewerIsNotEvaluated() {
    CheckTester.run(
            new KubernetesEndOfLife(),
            apiServer("v1.19.16", "kubernetes-end-of-life"),
            VersionFixtures.on("2026-01-01"))
        .assertExpectations();
    CheckTester newer =
        CheckTester.run(
            new KubernetesEndOfLife(),
            apiServer("v1.40.0", null),
            VersionFixtures.on("2026-01-01"));
    assertThat(newer.findings()).isEmpty();
    assertThat(newer.tally().notEvaluated())
        .singleElement()
        .asString()
        .contains("rampart data update");
  }

  @Test
  void withoutAVersionOrDataItIsNotEvaluated() {
    CheckTester noVersion =
        CheckTester.run(
            new KubernetesEndOfLife(),
            "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n",
            VersionFixtures.on("2026-01-01"));
    assertThat(noVersion.tally().notEvaluated()).containsExactly(ServerVersion.UNKNOWN);
    CheckTester noData =
        CheckTester.run(
            new KubernetesEndOfLife(), apiServer("v1.29.4", null), CheckContext.defaults());
    assertThat(noData.tally().notEvaluated()).containsExactly(VersionCheck.NO_DATA);
  }
}
