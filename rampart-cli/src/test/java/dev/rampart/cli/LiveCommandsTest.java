package dev.rampart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.source.demo.DemoCluster;
import dev.rampart.source.live.MockCluster;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scan, who-can and snapshot save against a live cluster: the demo, served by the mock server. */
class LiveCommandsTest {

  @TempDir static Path dir;
  private static MockCluster server;
  private static Path kubeconfig;
  private static Path config;

  @BeforeAll
  static void serveTheDemo() throws IOException {
    server = new MockCluster().serve(DemoCluster.load());
    kubeconfig = server.kubeconfig(dir, "shop", "    token: " + MockCluster.TOKEN);
    config = dir.resolve("rampart.yaml");
    Files.writeString(config, DemoCluster.config());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void forgetExpectations() {
    System.clearProperty("kubeconfig");
  }

  @Test
  void scanWithoutInputScansTheCurrentContext() throws IOException {
    System.setProperty("kubeconfig", kubeconfig.toString());
    Cli live = Cli.run("scan", "--config", config.toString(), "--format", "json");
    Cli demo = Cli.run("scan", "--demo", "--format", "json");

    assertThat(live.exit()).as(live.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(live.out());
    assertThat(report.path("scan").path("source").asText()).startsWith("context shop (http://");
    assertThat(checkIdsAndResources(report))
        .isNotEmpty()
        .containsExactlyInAnyOrderElementsOf(
            checkIdsAndResources(new ObjectMapper().readTree(demo.out())));
  }

  @Test
  void aSavedSnapshotScansLikeTheCluster() throws IOException {
    Path file = dir.resolve("shop.json.gz");
    Cli saved = Cli.run("snapshot", "save", file.toString(), "--kubeconfig", kubeconfig.toString());
    assertThat(saved.exit()).as(saved.err()).isZero();
    assertThat(saved.err())
        .contains("rampart: saved ")
        .contains(" from context shop (http://")
        .endsWith(" to " + file + System.lineSeparator());

    Cli offline = Cli.run("scan", "--snapshot", file.toString(), "--format", "json");
    Cli live = Cli.run("scan", "--kubeconfig", kubeconfig.toString(), "--format", "json");
    assertThat(offline.exit()).isZero();
    ObjectMapper json = new ObjectMapper();
    assertThat(checkIdsAndResources(json.readTree(offline.out())))
        .containsExactlyElementsOf(checkIdsAndResources(json.readTree(live.out())));
    assertThat(json.readTree(offline.out()).path("scan").path("source").asText())
        .startsWith("snapshot " + file + " of context shop");
  }

  @Test
  void whoCanAsksTheCluster() {
    Cli r =
        Cli.run(
            "who-can", "get", "secrets", "-n", "payments", "--kubeconfig", kubeconfig.toString());
    Cli demo = Cli.run("who-can", "get", "secrets", "-n", "payments", "--demo");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(demo.out());
  }

  @Test
  void forbiddenKindsAreReportedAndRequireCoverageExitsWithFour() {
    Status forbidden =
        new StatusBuilder()
            .withCode(403)
            .withReason("Forbidden")
            .withMessage(
                "secrets is forbidden: User \"system:serviceaccount:rampart:scanner\" cannot"
                    + " list resource \"secrets\" in API group \"\" at the cluster scope")
            .build();
    for (String query :
        List.of(
            "limit=500", "fieldSelector=type%3Dkubernetes.io%2Fservice-account-token&limit=500")) {
      server.expect().get().withPath("/api/v1/secrets?" + query).andReturn(403, forbidden).times(2);
    }
    String[] scan = {"scan", "--kubeconfig", kubeconfig.toString(), "--format", "json"};

    Cli lenient = Cli.run(scan);
    assertThat(lenient.exit()).as(lenient.err()).isZero();
    assertThat(lenient.err())
        .contains(
            "rampart: warning: context shop: Secret not read: list secrets (metadata) at cluster"
                + " scope: forbidden for system:serviceaccount:rampart:scanner");

    String[] strict = {
      "scan", "--kubeconfig", kubeconfig.toString(), "--format", "json", "--require-coverage"
    };
    Cli gate = Cli.run(strict);
    assertThat(gate.exit()).isEqualTo(4);
    assertThat(gate.err()).contains("rampart: coverage incomplete: ");
  }

  @Test
  void pathsWithoutTheRoleBindingsAreNoAllClear() {
    Cli full =
        Cli.run("paths", "--kubeconfig", kubeconfig.toString(), "--config", config.toString());
    assertThat(full.exit()).as(full.err()).isZero();

    server
        .expect()
        .get()
        .withPath("/apis/rbac.authorization.k8s.io/v1/rolebindings?limit=500")
        .andReturn(403, new StatusBuilder().withCode(403).withReason("Forbidden").build())
        .once();
    Cli partial =
        Cli.run("paths", "--kubeconfig", kubeconfig.toString(), "--config", config.toString());
    assertThat(partial.exit()).isEqualTo(3);
    assertThat(partial.err()).contains("RoleBinding not read");
  }

  @Test
  void noClusterAtAllExitsWithThree() {
    System.setProperty("kubeconfig", dir.resolve("absent").toString());
    Cli r = Cli.run("scan");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).startsWith("rampart: error: no cluster to scan: no kubeconfig (");
  }

  @Test
  void anUnreachableClusterExitsWithThreeNamingIt() throws IOException {
    Path elsewhere = dir.resolve("unreachable");
    Files.writeString(
        elsewhere, Files.readString(kubeconfig).replace(server.url(), "http://127.0.0.1:1"));
    Cli r = Cli.run("scan", "--kubeconfig", elsewhere.toString());
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err())
        .startsWith(
            "rampart: error: cannot reach the Kubernetes API server at http://127.0.0.1:1"
                + " (context shop): connection refused");
  }

  @Test
  void anUnknownContextIsAUsageError() {
    Cli r = Cli.run("scan", "--kubeconfig", kubeconfig.toString(), "--context", "prod");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "rampart: no context prod in "
                + kubeconfig
                + " (contexts: shop)"
                + System.lineSeparator());
  }

  @Test
  void aFileThatIsNoSnapshotExitsWithThree() throws IOException {
    Path yaml = Files.writeString(dir.resolve("pod.yaml"), "kind: Pod\n");
    Cli r = Cli.run("scan", "--snapshot", yaml.toString());
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).contains(yaml + ": not a Rampart snapshot");
  }

  private static List<String> checkIdsAndResources(JsonNode report) {
    List<String> keys = new ArrayList<>();
    for (JsonNode f : report.path("findings")) {
      JsonNode r = f.path("resource");
      keys.add(
          f.path("checkId").asText()
              + " "
              + r.path("kind").asText()
              + "/"
              + r.path("namespace").asText()
              + "/"
              + r.path("name").asText()
              + " "
              + f.path("id").asText());
    }
    return keys;
  }
}
