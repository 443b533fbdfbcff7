package dev.rampart.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.controlplane.ControlPlaneCheck;
import dev.rampart.checks.controlplane.ControlPlaneFilePermissions;
import dev.rampart.data.VersionDataFile;
import dev.rampart.snapshot.ClusterInfo;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.source.file.ManifestReader;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Three clusters in files, scanned with the CIS, node and version checks: a hardened kubeadm
 * cluster (nothing fails), an insecure one (every check that can fail does) and a managed EKS
 * cluster (the control-plane checks are not applicable).
 */
class FixtureClustersTest {

  /** A day on which the hardened cluster's Kubernetes 1.34 is still supported. */
  private static final Instant NOW = Instant.parse("2026-09-01T00:00:00Z");

  /** Checks whose evidence only exists on the hosts: never failed, never passed. */
  private static final Set<String> HOST_ONLY =
      Set.of(
          "control-plane-file-permissions", "node-file-permissions", "kubelet-hostname-override");

  private static final List<Check> CHECKS =
      BuiltInChecks.all().stream()
          .filter(
              c ->
                  c.getClass()
                      .getPackageName()
                      .matches("dev\\.rampart\\.checks\\.(controlplane|node|version|namespace)"))
          .toList();

  private static Snapshot load(String name, ClusterInfo info) throws IOException {
    try (InputStream in = FixtureClustersTest.class.getResourceAsStream("/clusters/" + name)) {
      ManifestReader.Result read = new ManifestReader().read(name, in);
      assertThat(read.problems()).as(name + " parses").isEmpty();
      return new Snapshot(name, read.objects(), List.of(), info);
    }
  }

  private static CheckRun run(Snapshot snapshot) {
    CheckContext context = new CheckContext(List.of(), NOW, VersionDataFile.bundled());
    return new CheckRunner(CHECKS, "fixture").run(snapshot, context, SeverityOverrides.NONE);
  }

  @Test
  void coversEveryCheckOfTheArea() {
    assertThat(CHECKS).hasSize(62);
  }

  @Test
  void aHardenedKubeadmClusterHasNoFailures() throws IOException {
    CheckRun run = run(load("hardened-kubeadm.yaml", ClusterInfo.UNKNOWN));
    assertThat(run.findings())
        .as("findings on the hardened cluster")
        .extracting(f -> f.checkId() + " " + f.message())
        .isEmpty();
    Set<String> notEvaluated =
        run.tallies().stream()
            .filter(t -> !t.notEvaluated().isEmpty())
            .map(CheckRun.Tally::checkId)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(notEvaluated)
        .as("only what lives in files on the hosts is not evaluated")
        .containsExactlyInAnyOrder(
            "control-plane-file-permissions",
            "node-file-permissions",
            "kubelet-hostname-override",
            "apiserver-audit-log-disabled",
            "apiserver-encryption-at-rest-missing");
    long passed = run.tallies().stream().mapToInt(CheckRun.Tally::passed).sum();
    assertThat(passed).isGreaterThan(60);
  }

  @Test
  void anInsecureClusterFailsEveryCheckThatCanFail() throws IOException {
    CheckRun run = run(load("insecure.yaml", ClusterInfo.UNKNOWN));
    Set<String> failed = run.findings().stream().map(Finding::checkId).collect(Collectors.toSet());
    Set<String> expected =
        CHECKS.stream()
            .map(c -> c.descriptor().id())
            .filter(id -> !HOST_ONLY.contains(id))
            .collect(Collectors.toCollection(TreeSet::new));
    expected.removeAll(failed);
    assertThat(expected).as("checks that did not fail on the insecure cluster").isEmpty();
  }

  @Test
  void aManagedClusterHidesItsControlPlaneChecksAsNotApplicable() throws IOException {
    CheckRun run = run(load("managed-eks.yaml", new ClusterInfo("v1.33.3-eks-3abbec1")));
    Map<String, CheckRun.Tally> tallies =
        run.tallies().stream().collect(Collectors.toMap(CheckRun.Tally::checkId, t -> t));
    for (Check c : CHECKS) {
      if (c instanceof ControlPlaneCheck || c instanceof ControlPlaneFilePermissions) {
        CheckRun.Tally t = tallies.get(c.descriptor().id());
        assertThat(t.passed() + t.failed()).as(t.checkId() + " judged").isZero();
        assertThat(t.notApplicable()).as(t.checkId() + " not applicable once").isEqualTo(1);
        assertThat(t.notEvaluated()).as(t.checkId() + " not evaluated").isEmpty();
      }
    }
    assertThat(run.findings())
        .filteredOn(f -> f.checkId().equals("kubernetes-end-of-life"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.resource().kind()).isEqualTo("Cluster");
              assertThat(f.message())
                  .contains("from the API server's /version")
                  .contains("vendor build");
            });
    assertThat(tallies.get("kubelet-pod-pids-unlimited").failed()).isEqualTo(1);
    assertThat(tallies.get("kubelet-pod-pids-unlimited").notEvaluated())
        .singleElement()
        .asString()
        .contains("1 of 2 nodes: ip-10-0-2-45.eu-west-1.compute.internal");
    assertThat(run.findings())
        .filteredOn(f -> f.checkId().equals("kube-proxy-metrics-exposed"))
        .singleElement()
        .satisfies(f -> assertThat(f.resource().name()).isEqualTo("kube-proxy-config"));
  }
}
