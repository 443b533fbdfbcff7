package dev.rampart.source.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.VersionInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveSourceTest {

  @TempDir Path dir;
  private MockCluster cluster;
  private final List<Duration> waits = new ArrayList<>();

  @BeforeEach
  void start() {
    cluster = new MockCluster();
    cluster
        .server()
        .setVersionInfo(
            new VersionInfo.Builder()
                .withMajor("1")
                .withMinor("30")
                .withGitVersion("v1.30.2")
                .build());
    cluster.with(
        new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build(),
        new NodeBuilder().withNewMetadata().withName("worker-1").endMetadata().build(),
        new DeploymentBuilder()
            .withNewMetadata()
            .withName("web")
            .withNamespace("shop")
            .endMetadata()
            .withNewSpec()
            .withNewTemplate()
            .withNewSpec()
            .addNewContainer()
            .withName("app")
            .withImage("web:1")
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .build(),
        new PodBuilder()
            .withNewMetadata()
            .withName("debug")
            .withNamespace("tools")
            .endMetadata()
            .build(),
        new SecretBuilder()
            .withNewMetadata()
            .withName("db")
            .withNamespace("shop")
            .addToAnnotations(
                "kubectl.kubernetes.io/last-applied-configuration",
                "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"data\":{\"password\":\"aHVudGVyMg==\"}}")
            .endMetadata()
            .withType("Opaque")
            .addToData("password", "aHVudGVyMg==")
            .build(),
        new SecretBuilder()
            .withNewMetadata()
            .withName("ci-token")
            .withNamespace("shop")
            .addToAnnotations("kubernetes.io/service-account.name", "ci")
            .endMetadata()
            .withType("kubernetes.io/service-account-token")
            .addToData("token", "c2VjcmV0")
            .build());
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void readsEveryKindWithTheServerVersion() {
    cluster
        .expect()
        .get()
        .withPath("/api/v1/nodes/worker-1/proxy/configz")
        .andReturn(200, Map.of("kubeletconfig", Map.of("readOnlyPort", 10255, "kind", "x")))
        .always();

    Snapshot snapshot = LiveSource.read(cluster.options(dir, waits), Progress.NONE);

    assertThat(snapshot.clusterInfo().serverVersion()).isEqualTo("v1.30.2");
    assertThat(snapshot.source()).isEqualTo("context mock (" + cluster.url() + ")");
    assertThat(snapshot.gaps()).isEmpty();
    assertThat(snapshot.problems()).isEmpty();
    assertThat(snapshot.countByKind())
        .containsEntry("Namespace", 1)
        .containsEntry("Node", 1)
        .containsEntry("Deployment", 1)
        .containsEntry("Pod", 1)
        .containsEntry("Secret", 2)
        .containsEntry("KubeletConfiguration", 1);
    KubeObject web = snapshot.find("Deployment", "shop", "web").orElseThrow();
    assertThat(web.resource()).isInstanceOf(Deployment.class);
    assertThat(web.resource().getApiVersion()).isEqualTo("apps/v1");
    assertThat(web.origin().hasFile()).isFalse();
    assertThat(snapshot.workloads()).extracting(w -> w.name()).contains("web", "debug");

    GenericKubernetesResource kubelet =
        snapshot
            .find("KubeletConfiguration", null, "worker-1")
            .orElseThrow()
            .as(GenericKubernetesResource.class);
    assertThat(kubelet.getApiVersion()).isEqualTo("kubelet.config.k8s.io/v1beta1");
    assertThat(kubelet.getAdditionalProperties())
        .containsEntry("readOnlyPort", 10255)
        .doesNotContainKey("kind");
  }

  @Test
  void smallPagesReadTheSame() {
    Snapshot whole = LiveSource.read(cluster.options(dir, waits), Progress.NONE);
    Snapshot paged = LiveSource.read(cluster.options(dir, waits).withLimits(2, 1), Progress.NONE);

    assertThat(paged.countByKind()).isEqualTo(whole.countByKind());
    assertThat(cluster.exchanges())
        .extracting(MockCluster.Exchange::path)
        .contains("/api/v1/secrets?limit=1&continue=1");
  }

  @Test
  void keepsOnlyTheMetadataOfSecretsAndTheTypeOfTokens() {
    Snapshot snapshot = LiveSource.read(cluster.options(dir, waits), Progress.NONE);

    Secret db = snapshot.find("Secret", "shop", "db").orElseThrow().as(Secret.class);
    assertThat(db.getData()).isNull();
    assertThat(db.getStringData()).isNull();
    assertThat(db.getType()).isNull();
    assertThat(
            db.getMetadata()
                .getAnnotations()
                .get("kubectl.kubernetes.io/last-applied-configuration"))
        .contains("\"password\":\"<redacted>\"")
        .doesNotContain("aHVudGVyMg==");
    Secret token = snapshot.find("Secret", "shop", "ci-token").orElseThrow().as(Secret.class);
    assertThat(token.getType()).isEqualTo("kubernetes.io/service-account-token");
    assertThat(token.getData()).isNull();
  }

  @Test
  void withNamespacesListsNamespacedKindsOnlyThere() {
    Snapshot snapshot =
        LiveSource.read(cluster.options(dir, waits).withNamespaces(List.of("shop")), Progress.NONE);

    assertThat(snapshot.find("Deployment", "shop", "web")).isPresent();
    assertThat(snapshot.find("Pod", "tools", "debug")).isEmpty();
    assertThat(snapshot.find("Node", null, "worker-1")).isPresent();
    assertThat(cluster.exchanges())
        .extracting(MockCluster.Exchange::path)
        .contains("/apis/apps/v1/namespaces/shop/deployments?limit=500")
        .noneMatch(p -> p.startsWith("/api/v1/pods"));
  }

  @Test
  void sendsOnlyGetRequestsWithTheKubeconfigToken() {
    LiveSource.read(cluster.options(dir, waits), Progress.NONE);

    assertThat(cluster.exchanges())
        .isNotEmpty()
        .allSatisfy(
            e -> {
              assertThat(e.method()).isEqualTo("GET");
              assertThat(e.authorization()).isEqualTo("Bearer " + MockCluster.TOKEN);
              assertThat(e.path()).doesNotContain("watch");
            });
  }

  @Test
  void tellsProgress() {
    List<String> seen = new ArrayList<>();
    LiveSource.read(
        cluster.options(dir, waits),
        (what, done, total, objects) -> seen.add(what + " " + done + "/" + total));
    assertThat(seen)
        .contains(
            "deployments.apps "
                + seen.stream()
                    .filter(s -> s.startsWith("deployments.apps"))
                    .findFirst()
                    .orElseThrow()
                    .split(" ")[1]);
    assertThat(seen.get(seen.size() - 1)).matches(".* (\\d+)/\\1");
  }
}
