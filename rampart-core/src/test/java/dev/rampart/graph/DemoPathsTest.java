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
  private static Snapshot snapshot;

  @BeforeAll
  static void search() throws Exception {
    snapshot = DemoCluster.load();
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
  void theWorkBudgetCountsEdgesSoACutSearchGivesTheSamePathsEveryTime() {
    AttackPaths.Options d = AttackPaths.Options.defaults();
    AttackPaths.Options small =
        new AttackPaths.Options(
            d.from(), d.to(), d.assumeBreach(), d.k(), d.maxLength(), d.maxTargets(), 200);
    AttackPaths.Result first = AttackPaths.find(graph, groups, small);
    AttackPaths.Result second = AttackPaths.find(graph, groups, small);
    assertThat(first.bounds()).anySatisfy(b -> assertThat(b).contains("work budget of 200 edges"));
    assertThat(first.paths())
        .extracting(AttackPath::describe)
        .containsExactlyElementsOf(second.paths().stream().map(AttackPath::describe).toList());
    assertThat(first.paths().size()).isLessThan(result.paths().size());
    assertThat(result.bounds()).isEmpty();
  }

  @Test
  void byDefaultTheInternetReachesTheDatabaseCredentialsTheFrontendHolds() {
    AttackPath path =
        only(
            result,
            "internet → Ingress/storefront/shop → Service/storefront/frontend"
                + " → Deployment/storefront/frontend → Secret/storefront/payments-db-credentials");
    assertThat(path.steps())
        .extracting(s -> s.edge().type())
        .containsExactly(EdgeType.EXPOSES, EdgeType.EXPOSES, EdgeType.EXPOSES, EdgeType.MOUNTS);
    assertThat(path.steps().get(2).edge().technique()).isEqualTo("T1190");
    assertThat(path.steps().get(2).edge().evidence())
        .anySatisfy(e -> assertThat(e).contains("TCP 8080"));
    assertThat(path.steps().get(3).edge().evidence())
        .anySatisfy(e -> assertThat(e).contains("volumes[0].secret.secretName"));
    assertThat(path.targetReason()).contains("payments-credentials");
  }

  @Test
  void byDefaultTheFrontendTokenReadsThePaymentsDatabaseCredentials() {
    AttackPath path =
        only(
            result,
            "internet → Ingress/storefront/shop → Service/storefront/frontend"
                + " → Deployment/storefront/frontend → ServiceAccount/storefront/frontend"
                + " → RoleBinding/payments/payments-secrets-readers"
                + " → Secret/payments/payments-db-credentials");
    assertThat(path.steps().subList(3, 6))
        .extracting(s -> s.edge().type())
        .containsExactly(EdgeType.RUNS_AS, EdgeType.GRANTED, EdgeType.CAN_READ_SECRET);
    assertThat(path.steps().get(4).edge().evidence())
        .anySatisfy(e -> assertThat(e).contains("as Group system:serviceaccounts:storefront"));
  }

  @Test
  void byDefaultAHostRootDaemonSetOnThePublicNodeNetworkTakesTheCluster() {
    AttackPath path =
        only(result, "internet → DaemonSet/monitoring/node-exporter → Node/cp-1 → cluster-admin");
    assertThat(path.steps())
        .extracting(s -> s.edge().type())
        .containsExactly(EdgeType.EXPOSES, EdgeType.ESCAPES_TO, EdgeType.CONTROLS);
    assertThat(path.steps().get(0).edge().evidence())
        .anySatisfy(e -> assertThat(e).contains("hostNetwork"))
        .anySatisfy(e -> assertThat(e).contains("TCP 9100"));
    assertThat(path.steps().get(1).edge().technique()).isEqualTo("T1611");
    assertThat(path.steps().get(1).edge().evidence())
        .anySatisfy(e -> assertThat(e).contains("hostPath.path: /"));
  }

  @Test
  void byDefaultTheCiDeployerTokenCreatesAPodAsTheLegacyAdmin() {
    AttackPath path =
        only(
            result,
            "Secret/ci/deployer-token → ServiceAccount/ci/deployer → ClusterRoleBinding/ci-deployer"
                + " → Namespace/kube-system → ServiceAccount/kube-system/legacy-admin"
                + " → cluster-admin");
    assertThat(path.steps())
        .extracting(s -> s.edge().type())
        .containsExactly(
            EdgeType.TOKEN_OF,
            EdgeType.GRANTED,
            EdgeType.CAN_CREATE_POD,
            EdgeType.RUNS_AS,
            EdgeType.GRANTED);
    assertThat(path.steps().get(2).edge().evidence())
        .anySatisfy(e -> assertThat(e).contains("ClusterRole/ci-deployer grants create"));
    assertThat(path.likelihood()).isLessThan(0.5); // a leaked token is not a given
  }

  @Test
  void theDefaultListOpensWithDifferentStories() {
    List<String> first =
        result.paths().subList(0, 10).stream()
            .map(p -> p.entry().id() + " " + AttackPaths.foothold(vertices(p)).id())
            .toList();
    assertThat(first).doesNotHaveDuplicates();
    assertThat(result.paths().subList(0, 10))
        .extracting(AttackPath::describe)
        .contains(
            "internet → Ingress/storefront/shop → Service/storefront/frontend"
                + " → Deployment/storefront/frontend → Secret/storefront/payments-db-credentials",
            "Secret/ci/deployer-token → ServiceAccount/ci/deployer → ClusterRoleBinding/ci-deployer"
                + " → Namespace/kube-system → ServiceAccount/kube-system/legacy-admin"
                + " → cluster-admin");
  }

  @Test
  void theVulnerableIngressControllerIsTakenFromTheInternetAndFromPods() {
    AttackPath path =
        only(
            result,
            "internet → Service/ingress-nginx/ingress-nginx-controller"
                + " → Deployment/ingress-nginx/ingress-nginx-controller"
                + " → ServiceAccount/ingress-nginx/ingress-nginx → cluster-admin");
    assertThat(path.steps().get(1).edge().type()).isEqualTo(EdgeType.VULNERABLE);
    assertThat(path.steps().get(1).edge().evidence().get(0)).startsWith("CVE-2025-1974 (critical)");
    // IngressNightmare: the admission webhook answers any pod, NetworkPolicy does not stop it.
    Asset frontend = graph.find("Deployment/storefront/frontend").orElseThrow();
    Asset controller =
        graph.find("Deployment/ingress-nginx/ingress-nginx-controller").orElseThrow();
    assertThat(graph.graph().getAllEdges(frontend, controller))
        .extracting(Edge::type)
        .containsExactly(EdgeType.VULNERABLE);
  }

  @Test
  void eastWestStepsAgreeWithTheNetworkPolicyEngine() {
    dev.rampart.network.Network network = dev.rampart.network.Network.of(snapshot);
    int checked = 0;
    for (Edge e : graph.graph().edgeSet()) {
      if (e.type() != EdgeType.REACHES
          && !(e.type() == EdgeType.VULNERABLE
              && graph.graph().getEdgeSource(e).kind() == Asset.Kind.WORKLOAD)) {
        continue;
      }
      var from = network.workload(graph.object(graph.graph().getEdgeSource(e)).orElseThrow());
      var to = network.workload(graph.object(graph.graph().getEdgeTarget(e)).orElseThrow());
      assertThat(network.decide(from.orElseThrow(), to.orElseThrow()).allowed()).isTrue();
      checked++;
    }
    assertThat(checked).isPositive();
    // payments-postgres admits only namespace storefront (and payments apps) on 5432.
    Asset postgres = graph.find("StatefulSet/payments/payments-postgres").orElseThrow();
    assertThat(graph.graph().incomingEdgesOf(postgres))
        .filteredOn(e -> e.type() == EdgeType.REACHES)
        .extracting(e -> graph.graph().getEdgeSource(e).namespace())
        .containsOnly("storefront");
    // Exposure agrees with the engine's internet entries, hostNetwork without ports included.
    var entries =
        network.internetPaths().entries().stream()
            .map(en -> en.workload().object().ref().display())
            .collect(toSet());
    for (Asset a : graph.assets()) {
      boolean exposed =
          graph.graph().incomingEdgesOf(a).stream().anyMatch(e -> e.type() == EdgeType.EXPOSES);
      if (a.kind() == Asset.Kind.WORKLOAD) {
        assertThat(exposed)
            .as(a.id())
            .isEqualTo(entries.contains(graph.object(a).get().ref().display()));
      }
    }
  }

  @Test
  void thePrivilegedNodeDebuggerTakesTheControlPlaneNode() {
    AttackPaths.Result breach =
        AttackPaths.find(
            graph,
            groups,
            AttackPaths.Options.defaults().withFrom(List.of("DaemonSet/monitoring/node-debugger")));
    AttackPath path =
        only(breach, "DaemonSet/monitoring/node-debugger → Node/cp-1 → cluster-admin");
    assertThat(path.steps().get(0).edge().type()).isEqualTo(EdgeType.ESCAPES_TO);
    assertThat(path.steps().get(0).edge().evidence())
        .anySatisfy(e -> assertThat(e).contains("privileged"))
        .anySatisfy(e -> assertThat(e).contains("hostPath.path: /"));
    assertThat(path.steps().get(1).edge().type()).isEqualTo(EdgeType.CONTROLS);
  }

  @Test
  void theCiRunnerPodCarriesTheDeployerToken() {
    AttackPaths.Result breach =
        AttackPaths.find(
            graph,
            groups,
            AttackPaths.Options.defaults().withFrom(List.of("Pod/ci/runner-deploy-job-4821")));
    assertThat(breach.paths())
        .filteredOn(p -> p.target().equals(Asset.CLUSTER_ADMIN))
        .first()
        .satisfies(
            p ->
                assertThat(p.describe())
                    .startsWith(
                        "Pod/ci/runner-deploy-job-4821 → ServiceAccount/ci/deployer"
                            + " → ClusterRoleBinding/ci-deployer"));
  }

  @Test
  void pathsAreRankedAndBounded() {
    assertThat(result.bounds()).isEmpty();
    assertThat(result.paths()).allSatisfy(p -> assertThat(p.length()).isBetween(1, 10));
    // At most k per entry point and crown jewel, each through another foothold.
    java.util.Map<List<Asset>, Integer> perEntryAndTarget = new java.util.HashMap<>();
    java.util.Set<List<Asset>> stories = new java.util.HashSet<>();
    for (AttackPath p : result.paths()) {
      perEntryAndTarget.merge(List.of(p.entry(), p.target()), 1, Integer::sum);
      assertThat(stories.add(List.of(p.entry(), p.target(), AttackPaths.foothold(vertices(p)))))
          .as(p.describe())
          .isTrue();
    }
    assertThat(perEntryAndTarget.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(5));
    // The best path of each (entry, foothold) first, by score; then the second ones, by score.
    java.util.Map<List<Asset>, Integer> seen = new java.util.HashMap<>();
    int lastRound = 1;
    int lastScore = Integer.MAX_VALUE;
    for (AttackPath p : result.paths()) {
      int round =
          seen.merge(List.of(p.entry(), AttackPaths.foothold(vertices(p))), 1, Integer::sum);
      assertThat(round).isGreaterThanOrEqualTo(lastRound);
      if (round == lastRound) {
        assertThat(p.score()).isLessThanOrEqualTo(lastScore);
      }
      lastRound = round;
      lastScore = p.score();
    }
    assertThat(result.paths().stream().map(AttackPath::id).distinct().count())
        .isEqualTo(result.paths().size());
  }

  @Test
  void theHardenedCatalogNamespaceStartsNoPathButThroughTheVulnerableController() {
    AttackPaths.Result breach =
        AttackPaths.find(graph, groups, AttackPaths.Options.defaults().withAssumeBreach(true));
    assertThat(breach.paths())
        .filteredOn(p -> "catalog".equals(p.entry().namespace()))
        .isNotEmpty()
        .allSatisfy(
            p -> {
              assertThat(p.steps().get(0).edge().type()).isEqualTo(EdgeType.VULNERABLE);
              assertThat(p.steps().get(0).to().id())
                  .isEqualTo("Deployment/ingress-nginx/ingress-nginx-controller");
            });
  }

  private static List<Asset> vertices(AttackPath p) {
    List<Asset> v = new java.util.ArrayList<>();
    v.add(p.entry());
    p.steps().forEach(s -> v.add(s.to()));
    return v;
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
