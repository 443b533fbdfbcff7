package dev.rampart.graph;

import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.BuiltInChecks;
import dev.rampart.config.ConfigLoader;
import dev.rampart.config.RampartConfig;
import dev.rampart.data.VersionDataFile;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.source.demo.DemoCluster;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo cluster's planted attack paths (demo README, G01-G09). */
class DemoPathsTest {

  private static AssetGraph graph;
  private static AssetGroups groups;
  private static AttackPaths.Result result;

  @BeforeAll
  static void search() throws Exception {
    Snapshot snapshot = DemoCluster.load();
    RampartConfig config =
        new ConfigLoader()
            .load(
                "rampart.yaml",
                DemoCluster.config(),
                BuiltInChecks.all().stream().map(c -> c.descriptor().id()).collect(toSet()));
    groups = new AssetGroups(config.assetGroups());
    graph = AssetGraph.of(snapshot, groups, VersionDataFile.bundled());
    result = AttackPaths.find(graph, groups, AttackPaths.Options.defaults());
  }

  @Test
  void internetToPaymentsDatabaseCredentialsViaTheFrontend() {
    // Every internet-facing workload with a token leads there; ask for enough paths to see them
    // all.
    AttackPaths.Result toCredentials =
        AttackPaths.find(
            graph,
            groups,
            new AttackPaths.Options(
                List.of(),
                "Secret/payments/payments-db-credentials",
                false,
                20,
                8,
                500,
                java.time.Duration.ofSeconds(20)));
    AttackPath path =
        only(
            toCredentials,
            "internet → Deployment/storefront/frontend → ServiceAccount/storefront/frontend"
                + " → Secret/payments/payments-db-credentials");
    assertThat(path.steps())
        .extracting(s -> s.edge().type())
        .containsExactly(EdgeType.EXPOSES, EdgeType.RUNS_AS, EdgeType.CAN_READ_SECRET);
    assertThat(path.steps().get(0).edge().technique()).isEqualTo("T1190");
    assertThat(path.steps().get(2).edge().evidence())
        .anySatisfy(e -> assertThat(e).contains("RoleBinding/payments/payments-secrets-readers"));
    assertThat(result.paths())
        .anySatisfy(p -> assertThat(p.target().id()).isEqualTo(path.target().id()));
  }

  @Test
  void privilegedDaemonSetToTheControlPlaneNodeToTheCluster() {
    AttackPaths.Result breach =
        AttackPaths.find(
            graph,
            groups,
            AttackPaths.Options.defaults().withFrom(List.of("DaemonSet/monitoring/node-debugger")));
    AttackPath path =
        only(breach, "DaemonSet/monitoring/node-debugger → Node/cp-1 → cluster-admin");
    assertThat(path.steps().get(0).edge().type()).isEqualTo(EdgeType.ESCAPES_TO);
    assertThat(path.steps().get(0).edge().technique()).isEqualTo("T1611");
    assertThat(path.steps().get(0).edge().evidence())
        .anySatisfy(e -> assertThat(e).contains("privileged"))
        .anySatisfy(e -> assertThat(e).contains("hostPath.path: /"));
    assertThat(path.steps().get(1).edge().type()).isEqualTo(EdgeType.CONTROLS);
  }

  @Test
  void ciDeployerCreatesAPodAsAnAdminServiceAccount() {
    AttackPaths.Result breach =
        AttackPaths.find(
            graph,
            groups,
            AttackPaths.Options.defaults().withFrom(List.of("Pod/ci/runner-deploy-job-4821")));
    AttackPath path =
        only(breach, "Pod/ci/runner-deploy-job-4821 → ServiceAccount/ci/deployer → cluster-admin");
    assertThat(path.steps().get(1).edge().type())
        .isIn(EdgeType.CAN_CREATE_POD, EdgeType.CAN_READ_SECRET);
    assertThat(String.join("\n", path.steps().get(1).edge().evidence())).contains("ci-deployer");
  }

  @Test
  void pathsAreRankedAndBounded() {
    assertThat(result.bounds()).isEmpty();
    assertThat(result.paths()).isSortedAccordingTo((a, b) -> Integer.compare(b.score(), a.score()));
    assertThat(result.paths()).allSatisfy(p -> assertThat(p.length()).isBetween(1, 8));
    assertThat(result.paths().stream().map(AttackPath::id).distinct().count())
        .isEqualTo(result.paths().size());
  }

  @Test
  void theHardenedCatalogNamespaceStartsNoPath() {
    AttackPaths.Result breach =
        AttackPaths.find(graph, groups, AttackPaths.Options.defaults().withAssumeBreach(true));
    assertThat(breach.paths())
        .noneSatisfy(p -> assertThat(p.entry().namespace()).isEqualTo("catalog"));
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
