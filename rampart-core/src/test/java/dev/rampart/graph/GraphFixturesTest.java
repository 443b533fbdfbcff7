package dev.rampart.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.config.RampartConfig.AssetGroup;
import dev.rampart.config.RampartConfig.Match;
import dev.rampart.data.VersionDataFile;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.source.file.ManifestReader;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Small fixture clusters (src/test/resources/graph) with the paths they are known to hold, and a
 * hardened negative control that holds none.
 */
class GraphFixturesTest {

  private static final AssetGroups NONE = new AssetGroups(List.of());

  @Test
  void aCriticalCveOnAnExposedAppIsTheWayInWithTheCveAsEvidence() {
    AssetGroups orders = group("orders", new Match(List.of(), Map.of("data", "orders"), List.of()));
    Snapshot snapshot = load("exposed-vulnerable-app.yaml");
    AttackPaths.Result r = paths(snapshot, orders, AttackPaths.Options.defaults());
    AttackPath path =
        only(
            r,
            "internet → Service/shop/web → Deployment/shop/web → ServiceAccount/shop/web"
                + " → RoleBinding/shop/web-reads-secrets → Secret/shop/orders-db");
    AttackPath.Step exploit = path.steps().get(1);
    assertThat(exploit.edge().type()).isEqualTo(EdgeType.VULNERABLE);
    assertThat(exploit.edge().technique()).isEqualTo("T1190");
    assertThat(exploit.edge().likelihood()).isEqualTo(0.9);
    assertThat(exploit.edge().evidence().get(0))
        .startsWith("CVE-2099-0001 (critical) in shop/web:1.4.2 of container app");
    assertThat(String.join("\n", exploit.edge().evidence())).doesNotContain("CVE-2099-0002");

    // Without the report the same route is there, less likely: exposure alone.
    Snapshot withoutReport =
        new Snapshot(
            "fixture",
            snapshot.objects().stream()
                .filter(o -> !o.kind().equals("VulnerabilityReport"))
                .toList(),
            List.of());
    AttackPath plain =
        only(paths(withoutReport, orders, AttackPaths.Options.defaults()), path.describe());
    assertThat(plain.steps().get(1).edge().type()).isEqualTo(EdgeType.EXPOSES);
    assertThat(plain.score()).isLessThan(path.score());
  }

  @Test
  void networkPolicyDecidesWhichDatabaseTheWebTierReaches() {
    AssetGroups data = group("data", new Match(List.of("data"), Map.of(), List.of()));
    Snapshot snapshot = load("segmented-database.yaml");
    AssetGraph graph = AssetGraph.of(snapshot, data, VersionDataFile.bundled());
    AttackPaths.Result r = AttackPaths.find(graph, data, AttackPaths.Options.defaults());
    AttackPath path =
        only(r, "internet → Service/web/web → Deployment/web/web → StatefulSet/data/orders");
    AttackPath.Step reach = path.steps().get(2);
    assertThat(reach.edge().type()).isEqualTo(EdgeType.REACHES);
    assertThat(reach.edge().evidence())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e).contains("TCP 5432").contains("data/orders-from-web ingress rule 1"));
    Asset ledger = graph.find("StatefulSet/data/ledger").orElseThrow();
    assertThat(graph.graph().incomingEdgesOf(ledger)).isEmpty();
    assertThat(r.reaching(ledger)).isEmpty();
  }

  @Test
  void creatingPodsWhereNoPodSecurityIsEnforcedIsRootOnANode() {
    Snapshot snapshot = load("pod-creator.yaml");
    AssetGraph graph = AssetGraph.of(snapshot, NONE, VersionDataFile.bundled());
    AttackPaths.Result r =
        AttackPaths.find(
            graph, NONE, AttackPaths.Options.defaults().withFrom(List.of("User/ci-robot")));
    AttackPath path =
        only(
            r,
            "User/ci-robot → RoleBinding/build/ci-create-pods → Namespace/build → Node/worker-1");
    assertThat(path.steps())
        .extracting(s -> s.edge().type())
        .containsExactly(EdgeType.GRANTED, EdgeType.CAN_CREATE_POD, EdgeType.ESCAPES_TO);
    assertThat(path.steps().get(2).edge().evidence())
        .anySatisfy(e -> assertThat(e).contains("does not enforce the baseline"));

    Asset build = graph.find("Namespace/build").orElseThrow();
    assertThat(targets(graph, build, EdgeType.RUNS_AS))
        .contains("ServiceAccount/build/builder", "ServiceAccount/build/default");
    Asset locked = graph.find("Namespace/locked").orElseThrow();
    assertThat(targets(graph, locked, EdgeType.ESCAPES_TO)).isEmpty();
    assertThat(targets(graph, locked, EdgeType.RUNS_AS)).contains("ServiceAccount/locked/default");

    Asset exec = graph.find("RoleBinding/tools/ci-exec").orElseThrow();
    assertThat(targets(graph, exec, EdgeType.CAN_EXEC))
        .containsExactly("Deployment/tools/admin-console");
  }

  @Test
  void theHardenedControlHasNoPathEvenAssumingABreach() {
    Snapshot snapshot = load("hardened.yaml");
    AssetGraph graph = AssetGraph.of(snapshot, NONE, VersionDataFile.bundled());
    // The app is exposed, and holds its volume: the graph knows it...
    Asset web = graph.find("Deployment/shop/web").orElseThrow();
    assertThat(graph.graph().incomingEdgesOf(web))
        .extracting(Edge::type)
        .containsExactly(EdgeType.EXPOSES);
    assertThat(targets(graph, web, EdgeType.MOUNTS))
        .containsExactly("PersistentVolumeClaim/shop/web-data");
    // ...but nothing leads on to a crown jewel.
    assertThat(AttackPaths.find(graph, NONE, AttackPaths.Options.defaults()).paths()).isEmpty();
    assertThat(
            AttackPaths.find(graph, NONE, AttackPaths.Options.defaults().withAssumeBreach(true))
                .paths())
        .isEmpty();
  }

  private static List<String> targets(AssetGraph graph, Asset from, EdgeType type) {
    return graph.graph().outgoingEdgesOf(from).stream()
        .filter(e -> e.type() == type)
        .map(e -> graph.graph().getEdgeTarget(e).id())
        .sorted()
        .toList();
  }

  private static AssetGroups group(String name, Match match) {
    return new AssetGroups(List.of(new AssetGroup(name, "critical", null, match)));
  }

  private static AttackPaths.Result paths(
      Snapshot snapshot, AssetGroups groups, AttackPaths.Options options) {
    return AttackPaths.find(
        AssetGraph.of(snapshot, groups, VersionDataFile.bundled()), groups, options);
  }

  private static Snapshot load(String name) {
    try (InputStream in = GraphFixturesTest.class.getResourceAsStream("/graph/" + name)) {
      ManifestReader.Result read = new ManifestReader().read(name, in);
      assertThat(read.problems()).isEmpty();
      List<KubeObject> objects = read.objects();
      return new Snapshot(name, objects, read.problems());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static AttackPath only(AttackPaths.Result r, String described) {
    List<AttackPath> matching =
        r.paths().stream().filter(p -> p.describe().equals(described)).toList();
    assertThat(matching)
        .as(
            "%s among%n%s",
            described, String.join("\n", r.paths().stream().map(AttackPath::describe).toList()))
        .hasSize(1);
    return matching.get(0);
  }
}
