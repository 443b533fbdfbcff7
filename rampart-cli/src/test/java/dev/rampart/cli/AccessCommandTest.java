package dev.rampart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class AccessCommandTest {

  @Test
  void showsEffectivePermissionsAndTheWayToClusterAdmin() {
    Cli r = Cli.run("access", "system:serviceaccount:ci:deployer", "--demo");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .startsWith("ServiceAccount ci/deployer\n")
        .contains("groups: system:serviceaccounts, system:serviceaccounts:ci, system:authenticated")
        .contains("token mounted in: Pod/ci/runner-deploy-job-4821")
        .contains("ClusterRoleBinding/ci-deployer -> ClusterRole/ci-deployer")
        .contains(
            "RoleBinding/payments/payments-secrets-readers -> Role/payments/secret-reader as"
                + " Group system:authenticated")
        .contains("Effectively cluster-admin via:")
        .contains("run a pod in namespace kube-system as ServiceAccount kube-system/legacy-admin")
        .contains("ServiceAccount kube-system/legacy-admin is cluster-admin");
  }

  @Test
  void saysWhenASubjectIsNotAnAdmin() {
    Cli r = Cli.run("access", "group:shopops:developers", "--demo");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("ClusterRoleBinding/developers-view -> ClusterRole/view")
        .endsWith("Not cluster-admin, directly or in one step.\n");
  }

  @Test
  void writesJsonWithTheSubjectItsGrantsAndItsEscalations() throws Exception {
    Cli r = Cli.run("access", "user:support@shopops.example", "--demo", "--format", "json");
    assertThat(r.exit()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.path("subject").path("kind").asText()).isEqualTo("User");
    assertThat(json.path("subject").path("name").asText()).isEqualTo("support@shopops.example");
    assertThat(json.path("subject").has("namespace")).isFalse();
    assertThat(json.path("permissions").get(0).path("binding").path("name").asText())
        .isEqualTo("support-impersonator");
    JsonNode admin = json.path("clusterAdmin");
    assertThat(admin.path("effective").asBoolean()).isTrue();
    assertThat(admin.path("direct").asBoolean()).isFalse();
    assertThat(admin.path("via").get(0).path("technique").asText()).isEqualTo("impersonate");
    assertThat(admin.path("via").get(0).path("summary").asText())
        .isEqualTo("impersonate Group system:masters");
    assertThat(admin.path("via").get(0).path("chain")).hasSize(2);
  }

  @Test
  void directAdminsAreSaidSo() {
    Cli r = Cli.run("access", "system:serviceaccount:monitoring:node-debugger", "--demo");
    assertThat(r.out()).contains("Cluster-admin: every verb on every resource cluster-wide");
  }

  @Test
  void rejectsSubjectsItCannotRead() {
    Cli r = Cli.run("access", "deployer", "--demo");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("system:serviceaccount:NAMESPACE:NAME, user:NAME or group:NAME");
  }
}
