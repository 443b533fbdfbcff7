package dev.rampart.source.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rampart.data.VersionDataFile;
import dev.rampart.graph.AssetGraph;
import dev.rampart.graph.AssetGroups;
import dev.rampart.graph.AttackPaths;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.source.file.ManifestReader;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyntheticClusterTest {

  private static final int PODS = 1500;

  private static byte[] generate(int pods, long seed, ClusterWriter.Format format)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ClusterWriter.write(pods, seed, format, out);
    return out.toByteArray();
  }

  private static Snapshot read(byte[] bytes, String name) {
    ManifestReader.Result r = new ManifestReader().read(name, new ByteArrayInputStream(bytes));
    return new Snapshot(name, r.objects(), r.problems());
  }

  @Test
  void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() throws IOException {
    byte[] first = generate(PODS, 7, ClusterWriter.Format.YAML);
    assertThat(generate(PODS, 7, ClusterWriter.Format.YAML)).isEqualTo(first);
    assertThat(generate(PODS, 8, ClusterWriter.Format.YAML)).isNotEqualTo(first);
  }

  @Test
  void runsExactlyTheAskedPodsAndParsesWithoutProblems() throws IOException {
    for (int pods : new int[] {1, 7, 120, PODS}) {
      Snapshot s = read(generate(pods, 3, ClusterWriter.Format.YAML), "c.yaml");
      assertThat(s.problems()).as("%d pods", pods).isEmpty();
      assertThat(s.ofKind("Pod")).as("%d pods", pods).hasSize(pods);
    }
  }

  @Test
  void jsonHoldsTheSameObjects() throws IOException {
    Snapshot yaml = read(generate(300, 5, ClusterWriter.Format.YAML), "c.yaml");
    Snapshot json = read(generate(300, 5, ClusterWriter.Format.JSON), "c.json");
    assertThat(json.problems()).isEmpty();
    assertThat(json.countByKind()).isEqualTo(yaml.countByKind());
  }

  @Test
  void hasTheMixOfARealClusterAndUniqueNames() throws IOException {
    Snapshot s = read(generate(PODS, 42, ClusterWriter.Format.YAML), "c.yaml");
    for (String kind :
        List.of(
            "Namespace",
            "Node",
            "KubeletConfiguration",
            "Deployment",
            "ReplicaSet",
            "StatefulSet",
            "DaemonSet",
            "Job",
            "CronJob",
            "Service",
            "Ingress",
            "NetworkPolicy",
            "ServiceAccount",
            "Role",
            "RoleBinding",
            "ClusterRole",
            "ClusterRoleBinding",
            "ConfigMap",
            "Secret")) {
      assertThat(s.ofKind(kind)).as(kind).isNotEmpty();
    }
    assertThat(s.ofKind("Deployment").size()).isGreaterThan(s.ofKind("StatefulSet").size());
    assertThat(s.ofKind("Node")).hasSize((PODS + 29) / 30);
    Set<String> keys = new HashSet<>();
    for (KubeObject o : s.objects()) {
      assertThat(keys.add(o.kind() + "/" + o.namespace() + "/" + o.name()))
          .as("duplicate %s", o.ref().display())
          .isTrue();
    }
    // Controllers' pods are listed with their owners: only top-level workloads are assessed.
    assertThat(s.workloads())
        .filteredOn(w -> !w.object().resource().getMetadata().getOwnerReferences().isEmpty())
        .extracting(w -> w.object().ref().display())
        .isEmpty();
  }

  @Test
  void weaknessesOccurAtRealisticRates() throws IOException {
    Snapshot s = read(generate(5000, 42, ClusterWriter.Format.YAML), "c.yaml");
    List<Container> containers =
        s.ofKind("Pod").stream()
            .flatMap(o -> ((Pod) o.resource()).getSpec().getContainers().stream())
            .toList();
    long privileged =
        containers.stream()
            .filter(c -> c.getSecurityContext() != null)
            .filter(c -> Boolean.TRUE.equals(c.getSecurityContext().getPrivileged()))
            .count();
    long noLimits =
        containers.stream()
            .filter(
                c ->
                    c.getResources() == null
                        || c.getResources().getLimits() == null
                        || c.getResources().getLimits().isEmpty())
            .count();
    long latest = containers.stream().filter(c -> c.getImage().endsWith(":latest")).count();
    double n = containers.size();
    // DaemonSets (kube-proxy is privileged) put one pod on every node.
    assertThat(privileged / n).isBetween(0.005, 0.08);
    assertThat(noLimits / n).isBetween(0.15, 0.45);
    assertThat(latest / n).isBetween(0.02, 0.15);
    assertThat(s.ofKind("Secret"))
        .allSatisfy(o -> assertThat(o.resource().toString()).doesNotContainIgnoringCase("BEGIN"));
  }

  @Test
  void theAttackPathSearchFindsPaths() throws IOException {
    Snapshot s = read(generate(PODS, 42, ClusterWriter.Format.YAML), "c.yaml");
    AssetGroups groups = new AssetGroups(List.of());
    AssetGraph graph = AssetGraph.of(s, groups, VersionDataFile.bundled());
    AttackPaths.Result result = AttackPaths.find(graph, groups, AttackPaths.Options.defaults());
    assertThat(result.paths()).isNotEmpty();
    assertThat(result.paths()).anyMatch(p -> p.entry().id().equals("internet"));
  }

  @Test
  void gzipIsRefusedSinceTheFileSourceDoesNotReadIt() {
    assertThatThrownBy(() -> ClusterWriter.Format.of("c.yaml.gz")).hasMessageContaining("gzip");
    assertThat(ClusterWriter.Format.of("C.JSON")).isEqualTo(ClusterWriter.Format.JSON);
  }
}
