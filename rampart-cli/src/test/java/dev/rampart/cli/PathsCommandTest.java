package dev.rampart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PathsCommandTest {

  @Test
  void explainsTheDemoStoriesStepByStepByDefault() {
    Cli r = Cli.run("paths", "--demo");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains(
            "internet → Ingress/storefront/shop → Service/storefront/frontend"
                + " → Deployment/storefront/frontend → Secret/storefront/payments-db-credentials")
        .contains(
            "Service/storefront/frontend -EXPOSES [mitre:t1190]-> Deployment/storefront/frontend")
        .contains("internet → DaemonSet/monitoring/node-exporter → Node/cp-1 → cluster-admin")
        .contains(
            "Secret/ci/deployer-token → ServiceAccount/ci/deployer → ClusterRoleBinding/ci-deployer"
                + " → Namespace/kube-system → ServiceAccount/kube-system/legacy-admin"
                + " → cluster-admin")
        .contains(
            "ClusterRoleBinding/ci-deployer -CAN_CREATE_POD [mitre:t1610]-> Namespace/kube-system");
  }

  @Test
  void startsWhereToldAndStopsAtTheTargetAskedFor() {
    Cli r =
        Cli.run(
            "paths", "--demo", "--from", "Pod/ci/runner-deploy-job-4821", "--to", "cluster-admin");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains(
            "1. Pod/ci/runner-deploy-job-4821 → ServiceAccount/ci/deployer"
                + " → ClusterRoleBinding/ci-deployer →")
        .doesNotContain("internet →");
  }

  @Test
  void writesJsonAndDot() throws Exception {
    Cli json = Cli.run("paths", "--demo", "--to", "payments", "-f", "json");
    assertThat(json.exit()).isZero();
    JsonNode root = new ObjectMapper().readTree(json.out());
    assertThat(root.get("attackPaths").size()).isPositive();
    assertThat(root.get("attackPaths").get(0).get("steps").get(0).get("evidence").size())
        .isPositive();
    Cli dot = Cli.run("paths", "--demo", "-f", "dot");
    assertThat(dot.out()).startsWith("digraph attack_paths {").contains("\"internet\" ->");
  }

  @Test
  void anUnknownTargetIsAUsageError() {
    Cli r = Cli.run("paths", "--demo", "--to", "Secret/nowhere/nothing");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("neither an asset group");
  }
}
