package dev.rampart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReachCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String CLUSTER =
      """
      apiVersion: v1
      kind: Pod
      metadata: {name: web, namespace: shop, labels: {app: web}}
      spec: {containers: [{name: c, image: web:1, ports: [{name: http, containerPort: 8080}]}]}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: db, namespace: shop, labels: {app: db}}
      spec: {containers: [{name: c, image: postgres:16, ports: [{name: pg, containerPort: 5432}]}]}
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: db, namespace: shop}
      spec:
        podSelector: {matchLabels: {app: db}}
        ingress: [{from: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: pg}]}]
      """;

  @Test
  void explainsThePlantedRouteFromTheInternetToThePaymentsDatabase() throws Exception {
    Cli r =
        Cli.run(
            "reach",
            "--demo",
            "--from",
            "internet",
            "--to",
            "payments/payments-postgres",
            "--port",
            "5432");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("the internet -> payments/StatefulSet/payments-postgres (TCP 5432): ALLOWED")
        .contains(
            "the internet -> storefront/Deployment/frontend via Service/storefront/frontend"
                + " (LoadBalancer)")
        .contains("allowed by payments/allow-postgres-from-storefront ingress rule 1")
        .contains("Decided by: payments/allow-postgres-from-storefront");
    JsonNode json =
        JSON.readTree(
            Cli.run(
                    "reach",
                    "--demo",
                    "--from",
                    "internet",
                    "--to",
                    "payments/StatefulSet/payments-postgres",
                    "--port",
                    "5432/TCP",
                    "-f",
                    "json")
                .out());
    assertThat(json.path("allowed").asBoolean()).isTrue();
    assertThat(json.path("path")).hasSize(2);
    assertThat(json.path("decidingPolicies").get(0).path("name").asText())
        .isEqualTo("allow-postgres-from-storefront");
  }

  @Test
  void answersOneConnectionWithTheDecidingPolicies() throws Exception {
    JsonNode allowed =
        JSON.readTree(
            Cli.runWithStdin(
                    CLUSTER,
                    "reach",
                    "-",
                    "--from",
                    "shop/web",
                    "--to",
                    "shop/db",
                    "--port",
                    "pg",
                    "-f",
                    "json")
                .out());
    assertThat(allowed.path("allowed").asBoolean()).isTrue();
    assertThat(allowed.path("port").path("port").asInt()).isEqualTo(5432);
    assertThat(allowed.path("decidingPolicies").get(0).path("rules").get(0).asText())
        .isEqualTo("shop/db ingress rule 1: from pods app=web in namespace shop, on TCP pg");
    assertThat(allowed.path("ingress").path("status").asText()).isEqualTo("isolated");
    assertThat(allowed.path("egress").path("status").asText()).isEqualTo("not-isolated");

    Cli denied = Cli.runWithStdin(CLUSTER, "reach", "-", "--from", "shop/db", "--to", "shop/db");
    assertThat(denied.exit()).isZero();
    assertThat(denied.out())
        .contains("shop/Pod/db -> shop/Pod/db (any port): DENIED")
        .contains("Decided by: shop/db")
        .contains("a pod can always reach itself");
    JsonNode other =
        JSON.readTree(
            Cli.runWithStdin(
                    CLUSTER,
                    "reach",
                    "-",
                    "--from",
                    "shop/web",
                    "--to",
                    "shop/db",
                    "--port",
                    "22",
                    "-f",
                    "json")
                .out());
    assertThat(other.path("allowed").asBoolean()).isFalse();
    assertThat(other.path("decidingPolicies").get(0).path("name").asText()).isEqualTo("db");
  }

  @Test
  void listsWhoCanReachAWorkloadAndWhatAWorkloadCanReach() throws Exception {
    Cli who = Cli.run("reach", "--demo", "--to", "payments/payments-postgres");
    assertThat(who.out())
        .contains("Who can reach payments/StatefulSet/payments-postgres (any port): 9 workloads")
        .contains("storefront/Deployment/frontend")
        .contains("payments/Deployment/payment-gateway");
    JsonNode json =
        JSON.readTree(
            Cli.run("reach", "--demo", "--to", "payments/payments-postgres", "-f", "json").out());
    List<String> sources = new ArrayList<>();
    json.path("peers").forEach(p -> sources.add(p.path("end").path("name").asText()));
    assertThat(sources).contains("frontend", "payment-gateway").doesNotContain("catalog-api");
    assertThat(json.path("internet").path("allowed").asBoolean()).isTrue();

    Cli what = Cli.run("reach", "--demo", "--from", "payments/fraud-check", "--port", "5432");
    assertThat(what.out())
        .contains("What payments/Deployment/fraud-check can reach (TCP 5432): 1 workload")
        .contains("payments/StatefulSet/payments-postgres");
  }

  @Test
  void cniPoliciesMakeTheAnswerIncomplete() {
    Cli r =
        Cli.runWithStdin(
            CLUSTER
                + """
                ---
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: l7, namespace: shop}
                spec: {endpointSelector: {}}
                """,
            "reach",
            "-",
            "--from",
            "shop/web",
            "--to",
            "shop/db",
            "--port",
            "5432");
    assertThat(r.out())
        .contains("Not complete")
        .contains(
            "not evaluated: Cilium policy CiliumNetworkPolicy/shop/l7 also applies to shop/Pod/db");
  }

  @Test
  void usageAndInputErrors() {
    assertThat(Cli.run("reach", "--demo").exit()).isEqualTo(2);
    Cli unknown = Cli.runWithStdin(CLUSTER, "reach", "-", "--from", "shop/nope", "--to", "shop/db");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err())
        .contains("no workload or pod nope in namespace shop (it has Pod/db, Pod/web)");
    assertThat(Cli.runWithStdin(CLUSTER, "reach", "-", "--to", "shop/db", "--port", "70000").exit())
        .isEqualTo(2);
    assertThat(Cli.runWithStdin(CLUSTER, "reach", "-", "--to", "shop/db", "--port", "mysql").err())
        .contains("shop/Pod/db has no port named mysql");
    assertThat(Cli.runWithStdin(CLUSTER, "reach", "-", "--to", "shop").exit()).isEqualTo(2);
    assertThat(
            Cli.runWithStdin(CLUSTER, "reach", "-", "--from", "internet", "--to", "8.8.8.8").exit())
        .isEqualTo(2);
    Cli broken = Cli.runWithStdin(CLUSTER + "---\nkind: [oops\n", "reach", "-", "--to", "shop/db");
    assertThat(broken.exit()).isEqualTo(3);
    assertThat(broken.out()).contains("Who can reach shop/Pod/db");
  }
}
