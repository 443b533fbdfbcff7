package dev.rampart.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.BuiltInChecks;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckRun;
import dev.rampart.checks.CheckRunner;
import dev.rampart.checks.Finding;
import dev.rampart.checks.SeverityOverrides;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.source.demo.DemoCluster;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The planted network weaknesses of the demo cluster (demo/README.md: G01, G09, N01 to N09). */
class DemoNetworkTest {

  private static Snapshot snapshot;
  private static Network network;
  private static CheckRun checks;

  @BeforeAll
  static void load() {
    snapshot = DemoCluster.load();
    network = Network.of(snapshot);
    checks =
        new CheckRunner(BuiltInChecks.all(), "demo")
            .run(snapshot, CheckContext.defaults(), SeverityOverrides.NONE);
  }

  private static PodEndpoint workload(String ns, String kind, String name) {
    KubeObject o = snapshot.find(kind, ns, name).orElseThrow();
    return network.workload(o).orElseThrow();
  }

  private static Set<String> failing(String checkId) {
    return checks.findings().stream()
        .filter(f -> f.checkId().equals(checkId))
        .map(f -> f.resource().kind() + "/" + f.resource().namespace() + "/" + f.resource().name())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void g01TheInternetReachesThePaymentsDatabaseThroughTheFrontend() {
    PodEndpoint db = workload("payments", "StatefulSet", "payments-postgres");
    InternetPaths.Path path =
        network.internetPaths().pathTo(db, PortSet.port(Protocol.TCP, 5432)).orElseThrow();
    assertThat(path.summary())
        .isEqualTo(
            "internet -> storefront/Deployment/frontend -> payments/StatefulSet/payments-postgres");
    InternetPaths.Hop entry = path.hops().get(0);
    assertThat(entry.route().describe()).isEqualTo("Service/storefront/frontend (LoadBalancer)");
    assertThat(entry.ports()).isEqualTo(PortSet.port(Protocol.TCP, 8080));
    InternetPaths.Hop lateral = path.hops().get(1);
    assertThat(lateral.ports()).isEqualTo(PortSet.port(Protocol.TCP, 5432));
    assertThat(lateral.decision().egress().status()).isEqualTo(Side.Status.NOT_ISOLATED);
    assertThat(lateral.decision().decidingPolicies(Protocol.TCP, 5432))
        .extracting(Policy::display)
        .containsExactly("payments/allow-postgres-from-storefront");
    assertThat(lateral.describe())
        .isEqualTo(
            "storefront/Deployment/frontend -> payments/StatefulSet/payments-postgres on TCP 5432"
                + " (storefront/Deployment/frontend is not isolated for egress: no NetworkPolicy"
                + " selects it with policyType Egress; allowed by"
                + " payments/allow-postgres-from-storefront ingress rule 1: from all pods in"
                + " namespaces kubernetes.io/metadata.name=storefront, on TCP 5432)");
  }

  @Test
  void n02TheNumericPortHoleAdmitsEveryStorefrontPodAndNoOtherNamespace() {
    PodEndpoint db = workload("payments", "StatefulSet", "payments-postgres");
    for (String name : List.of("frontend", "cart", "reviews", "recommendations")) {
      assertThat(network.decide(workload("storefront", "Deployment", name), db).ports())
          .as(name)
          .isEqualTo(PortSet.port(Protocol.TCP, 5432));
    }
    assertThat(network.decide(workload("catalog", "Deployment", "catalog-api"), db).allowed())
        .isFalse();
    // The payments applications reach it through the named port "postgres", both ways.
    Decision gateway = network.decide(workload("payments", "Deployment", "payment-gateway"), db);
    assertThat(gateway.ports()).isEqualTo(PortSet.port(Protocol.TCP, 5432));
    assertThat(gateway.decidingPolicies(Protocol.TCP, 5432))
        .extracting(Policy::name)
        .containsExactly("allow-apps-egress", "allow-postgres-from-payments-apps");
  }

  @Test
  void paymentsIsDefaultDenyBothWaysWithDnsAndHttpsOut() {
    PodEndpoint fraud = workload("payments", "Deployment", "fraud-check");
    PodEndpoint dns = workload("kube-system", "Deployment", "coredns");
    assertThat(network.decide(fraud, dns).ports())
        .isEqualTo(PortSet.port(Protocol.UDP, 53).union(PortSet.port(Protocol.TCP, 53)));
    assertThat(network.decide(fraud, ExternalEndpoint.INTERNET).ports())
        .isEqualTo(PortSet.port(Protocol.TCP, 443));
    assertThat(network.decide(fraud, workload("data", "StatefulSet", "redis")).allowed()).isFalse();
    PodEndpoint backup = workload("payments", "CronJob", "payments-db-backup");
    assertThat(network.decide(backup, ExternalEndpoint.of(Cidr.parse("10.1.2.3"))).allowed())
        .isFalse();
  }

  @Test
  void checkoutAdmitsTheIngressControllerAndTheVpcOnItsNamedPort() {
    PodEndpoint api = workload("checkout", "Deployment", "checkout-api");
    PodEndpoint nginx = workload("ingress-nginx", "Deployment", "ingress-nginx-controller");
    Decision fromNginx = network.decide(nginx, api);
    assertThat(fromNginx.ports()).isEqualTo(PortSet.port(Protocol.TCP, 8080));
    assertThat(network.decide(ExternalEndpoint.of(Cidr.parse("10.0.4.7")), api).ports())
        .isEqualTo(PortSet.port(Protocol.TCP, 8080));
    assertThat(
            network
                .decide(
                    workload("storefront", "Deployment", "frontend"),
                    workload("checkout", "Deployment", "order-service"))
                .allowed())
        .isFalse();
    assertThat(network.exposure().routes(api.object()))
        .filteredOn(r -> r.kind() == Route.Kind.LOAD_BALANCER)
        .singleElement()
        .satisfies(r -> assertThat(r.reach()).isEqualTo(Route.Reach.PRIVATE_NETWORK));
  }

  @Test
  void n01n06n07n08n09InternetExposure() {
    Exposure e = network.exposure();
    assertThat(e.internetRoutes(workload("storefront", "Deployment", "frontend").object()))
        .containsExactly(
            "Service/storefront/frontend (LoadBalancer)",
            "Ingress/storefront/shop via Service frontend");
    assertThat(e.internetRoutes(workload("monitoring", "Deployment", "grafana").object()))
        .containsExactly("Ingress/monitoring/grafana via Service grafana");
    assertThat(e.internetRoutes(workload("data", "Deployment", "redis-commander").object()))
        .containsExactly("Service/data/redis-commander (NodePort)");
    assertThat(
            e.internetRoutes(
                workload("ingress-nginx", "Deployment", "ingress-nginx-controller").object()))
        .containsExactly("Service/ingress-nginx/ingress-nginx-controller (LoadBalancer)");
    assertThat(
            e.internetRoutes(
                workload("default", "ReplicationController", "legacy-inventory").object()))
        .containsExactly("hostPort 8080/TCP of ReplicationController/default/legacy-inventory");
    assertThat(e.level(workload("logging", "Deployment", "kibana").object()))
        .isEqualTo(Exposure.Level.CLUSTER);
    assertThat(e.level(workload("payments", "CronJob", "payments-db-backup").object()))
        .isEqualTo(Exposure.Level.NONE);
  }

  @Test
  void theNetworkChecksFindThePlantedWeaknesses() {
    // N04: every namespace but checkout and payments lacks a default deny for ingress.
    assertThat(failing("namespace-without-default-deny-ingress"))
        .containsExactly(
            "Namespace/null/catalog",
            "Namespace/null/ci",
            "Namespace/null/data",
            "Namespace/null/default",
            "Namespace/null/ingress-nginx",
            "Namespace/null/kube-system",
            "Namespace/null/logging",
            "Namespace/null/monitoring",
            "Namespace/null/storefront");
    assertThat(failing("namespace-without-default-deny-egress"))
        .contains("Namespace/null/checkout")
        .doesNotContain("Namespace/null/payments");
    // N05, N06, N07, G09.
    assertThat(failing("ingress-without-tls"))
        .containsExactly("Ingress/checkout/checkout-webhooks");
    assertThat(failing("exposed-admin-dashboard"))
        .containsExactly("Deployment/data/redis-commander", "Deployment/monitoring/grafana");
    // G09, and C08/C14: the API server and the scheduler (bound to 0.0.0.0) listen on cp-1's
    // public address; the controller manager binds to 127.0.0.1.
    assertThat(failing("sensitive-port-exposed"))
        .containsExactly(
            "Pod/kube-system/kube-apiserver-cp-1",
            "Pod/kube-system/kube-scheduler-cp-1",
            "StatefulSet/data/rabbitmq",
            "StatefulSet/data/redis",
            "StatefulSet/logging/elasticsearch");
    assertThat(failing("network-policy-allows-all")).isEmpty();
    assertThat(failing("workload-without-network-policy"))
        .contains("Deployment/storefront/frontend", "StatefulSet/data/redis")
        .doesNotContain(
            "StatefulSet/payments/payments-postgres", "Deployment/checkout/checkout-api");
    Finding redis =
        checks.findings().stream()
            .filter(f -> f.checkId().equals("sensitive-port-exposed"))
            .filter(f -> f.resource().name().equals("redis"))
            .findFirst()
            .orElseThrow();
    assertThat(redis.message())
        .startsWith("TCP 6379 (Redis) accepts connections from pods of every namespace");
  }

  @Test
  void workloadsThatNoPolicyTellsApartShareAClass() {
    Reachability r = network.reachability();
    assertThat(r.classCount()).isLessThan(network.endpoints().size());
    assertThat(r.classOf(workload("storefront", "Deployment", "cart")))
        .isEqualTo(r.classOf(workload("storefront", "Deployment", "reviews")));
    assertThat(r.classOf(workload("payments", "Deployment", "fraud-check")))
        .isNotEqualTo(r.classOf(workload("payments", "StatefulSet", "payments-postgres")));
  }

  @Test
  void theEndpointsOfANamespaceAreThoseOfTheClusterInTheSameOrder() {
    for (String ns : snapshot.namespaces()) {
      assertThat(network.endpointsIn(ns))
          .containsExactlyElementsOf(
              network.endpoints().stream().filter(e -> e.namespace().equals(ns)).toList());
    }
    assertThat(network.endpointsIn("storefront")).isNotEmpty();
    assertThat(network.endpointsIn("no-such-namespace")).isEmpty();
  }
}
