package dev.rampart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WhoCanCommandTest {

  private static final String RBAC =
      """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: reader, namespace: shop}
      rules: [{apiGroups: [""], resources: [secrets], verbs: [get]}]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: readers, namespace: shop}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
      subjects: [{kind: ServiceAccount, name: web}, {kind: Group, name: devs}]
      """;

  @Test
  void answersOnTheDemoWithTheSubjectsItWasBuiltToExpose() {
    Cli r = Cli.run("who-can", "get", "secrets", "-n", "payments", "--demo");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .startsWith("Who can get secrets in namespace payments: 9 subjects")
        .contains("ci/deployer")
        .contains("data/backup-agent (missing)")
        .contains("monitoring/prometheus-server")
        .contains("aggregated from ClusterRole/shopops-monitoring-view-config")
        .contains("system:serviceaccounts:storefront")
        .contains("system:masters (built-in)")
        .contains("every service account of namespace storefront (default, frontend,");
  }

  @Test
  void writesEachSubjectAsAnObjectInJson() throws Exception {
    Cli r = Cli.run("who-can", "get", "secrets", "-n", "payments", "--demo", "-f", "json");
    assertThat(r.exit()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.path("request").path("resource").asText()).isEqualTo("secrets");
    assertThat(json.path("request").path("namespace").asText()).isEqualTo("payments");
    List<String> subjects = new ArrayList<>();
    for (JsonNode s : json.path("subjects")) {
      subjects.add(
          s.path("kind").asText()
              + " "
              + (s.has("namespace") ? s.path("namespace").asText() + "/" : "")
              + s.path("name").asText());
    }
    assertThat(subjects)
        .containsExactlyInAnyOrder(
            "ServiceAccount ci/deployer",
            "ServiceAccount data/backup-agent",
            "ServiceAccount kube-system/legacy-admin",
            "ServiceAccount monitoring/node-debugger",
            "ServiceAccount monitoring/prometheus-server",
            "Group kubeadm:cluster-admins",
            "Group system:authenticated",
            "Group system:masters",
            "Group system:serviceaccounts:storefront");
    JsonNode prometheus = null;
    for (JsonNode s : json.path("subjects")) {
      if (s.path("name").asText().equals("prometheus-server")) {
        prometheus = s;
      }
    }
    JsonNode grant = prometheus.path("grants").get(0);
    assertThat(grant.path("binding").path("kind").asText()).isEqualTo("ClusterRoleBinding");
    assertThat(grant.path("binding").path("name").asText()).isEqualTo("prometheus-server");
    assertThat(grant.path("role").path("name").asText()).isEqualTo("shopops-monitoring-view");
    assertThat(grant.path("aggregatedFrom").asText()).isEqualTo("shopops-monitoring-view-config");
    assertThat(grant.path("scope").asText()).isEqualTo("cluster");
    assertThat(grant.path("rule").path("verbs").toString()).contains("get");
    assertThat(prometheus.has("namespace")).isTrue();
  }

  @Test
  void readsManifestsFromStandardInput() {
    Cli r = Cli.runWithStdin(RBAC, "who-can", "get", "secrets", "-n", "shop", "-");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("shop/web").contains("devs");
    Cli other = Cli.runWithStdin(RBAC, "who-can", "get", "secrets", "-n", "payments", "-");
    assertThat(other.out()).startsWith("Nobody can get secrets in namespace payments.");
    Cli any = Cli.runWithStdin(RBAC, "who-can", "get", "secrets", "-A", "-");
    assertThat(any.out()).contains("in any namespace").contains("shop/web");
  }

  @Test
  void usageAndInputErrorsHaveTheirExitCodes() {
    assertThat(Cli.run("who-can", "get", "secrets", "--demo", "--snapshot", "x.json.gz").exit())
        .as("two inputs")
        .isEqualTo(2);
    assertThat(Cli.run("who-can", "get").exit()).as("no resource").isEqualTo(2);
    assertThat(Cli.run("who-can", "get", "pods//x", "--demo").exit()).isEqualTo(2);
    assertThat(Cli.run("who-can", "get", "secrets", "-n", "a", "-A", "--demo").exit()).isEqualTo(2);
    assertThat(Cli.run("who-can", "get", "secrets", "--demo", "-f", "yaml").exit()).isEqualTo(2);
    Cli broken =
        Cli.runWithStdin(
            RBAC + "---\nkind: [oops\n", "who-can", "get", "secrets", "-n", "shop", "-");
    assertThat(broken.exit()).isEqualTo(3);
    assertThat(broken.out()).contains("shop/web");
    assertThat(broken.err()).contains("rampart: error:");
  }

  @Test
  void notesThatClusterScopedResourcesHaveNoNamespace() {
    Cli r = Cli.run("who-can", "get", "nodes/proxy", "-n", "payments", "--demo");
    assertThat(r.exit()).isZero();
    assertThat(r.err()).contains("nodes are cluster-scoped; --namespace is ignored");
    assertThat(r.out()).startsWith("Who can get nodes/proxy cluster-wide:");
  }
}
