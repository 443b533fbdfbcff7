package dev.rampart.source.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rampart.snapshot.Snapshot;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Connecting as kubeconfig says, and saying clearly when there is nothing to connect to. */
class ConnectionTest {

  @TempDir Path dir;

  @Test
  void aContextThatDoesNotExistIsNamedWithTheOnesThatDo() {
    try (MockCluster cluster = new MockCluster()) {
      Path kubeconfig = cluster.kubeconfig(dir);
      LiveOptions options = LiveOptions.defaults().withKubeconfig(kubeconfig, "prod");

      assertThatThrownBy(() -> LiveSource.read(options, Progress.NONE))
          .isInstanceOfSatisfying(
              LiveSourceException.class,
              e -> assertThat(e.reason()).isEqualTo(LiveSourceException.Reason.BAD_OPTION))
          .hasMessage("no context prod in " + kubeconfig + " (contexts: mock)");
    }
  }

  @Test
  void theContextAskedForIsUsed() {
    try (MockCluster cluster = new MockCluster()) {
      Path kubeconfig = cluster.kubeconfig(dir, "staging", "    token: " + MockCluster.TOKEN);
      Snapshot snapshot =
          LiveSource.read(
              LiveOptions.defaults().withKubeconfig(kubeconfig, "staging"), Progress.NONE);
      assertThat(snapshot.source()).startsWith("context staging (");
    }
  }

  @Test
  void aMissingKubeconfigFileIsNamed() {
    Path missing = dir.resolve("nope");
    assertThatThrownBy(
            () ->
                LiveSource.read(
                    LiveOptions.defaults().withKubeconfig(missing, null), Progress.NONE))
        .isInstanceOfSatisfying(
            LiveSourceException.class,
            e -> assertThat(e.reason()).isEqualTo(LiveSourceException.Reason.NO_CLUSTER))
        .hasMessage("kubeconfig " + missing + ": no such file, or it cannot be read");
  }

  @Test
  @ResourceLock("system properties")
  void withoutAnyKubeconfigOutsideAPodThereIsNoClusterToScan() {
    String missing = dir.resolve("absent").toString();
    String before = System.getProperty("kubeconfig");
    System.setProperty("kubeconfig", missing);
    try {
      assertThatThrownBy(() -> LiveSource.read(LiveOptions.defaults(), Progress.NONE))
          .isInstanceOfSatisfying(
              LiveSourceException.class,
              e -> assertThat(e.reason()).isEqualTo(LiveSourceException.Reason.NO_CLUSTER))
          .hasMessageStartingWith("no cluster to scan: no kubeconfig (" + missing)
          .hasMessageEndingWith(
              "Give manifests (PATH or - for stdin), --snapshot FILE, --kubeconfig FILE or --demo");
    } finally {
      if (before == null) {
        System.clearProperty("kubeconfig");
      } else {
        System.setProperty("kubeconfig", before);
      }
    }
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void anExecCredentialPluginProvidesTheToken() throws IOException {
    Path plugin = dir.resolve("credential-plugin");
    Files.writeString(
        plugin,
        """
        #!/bin/sh
        echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential",\
        "status":{"token":"from-the-plugin"}}'
        """);
    Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
    try (MockCluster cluster = new MockCluster()) {
      String user =
          """
              exec:
                apiVersion: client.authentication.k8s.io/v1
                command: %s
                interactiveMode: Never
          """
              .formatted(plugin);
      LiveSource.read(
          LiveOptions.defaults().withKubeconfig(cluster.kubeconfig(dir, "exec", user), null),
          Progress.NONE);

      assertThat(cluster.exchanges())
          .isNotEmpty()
          .allSatisfy(e -> assertThat(e.authorization()).isEqualTo("Bearer from-the-plugin"));
    }
  }

  @Test
  void readsAnHttpsServer() {
    try (MockCluster cluster = new MockCluster(true)) {
      assertThat(cluster.url()).startsWith("https://");
      Snapshot snapshot = LiveSource.read(cluster.options(dir, new ArrayList<>()), Progress.NONE);
      assertThat(snapshot.gaps()).isEmpty();
      assertThat(cluster.exchanges()).isNotEmpty();
    }
  }

  @Test
  void readsTheCustomResourcesWhoseDefinitionIsInstalled() {
    try (MockCluster cluster = new MockCluster()) {
      cluster.with(
          new CustomResourceDefinitionBuilder()
              .withNewMetadata()
              .withName("httproutes.gateway.networking.k8s.io")
              .endMetadata()
              .withNewSpec()
              .withGroup("gateway.networking.k8s.io")
              .withScope("Namespaced")
              .withNewNames()
              .withKind("HTTPRoute")
              .withPlural("httproutes")
              .endNames()
              .addNewVersion()
              .withName("v1beta1")
              .withServed(true)
              .withStorage(false)
              .endVersion()
              .addNewVersion()
              .withName("v1")
              .withServed(true)
              .withStorage(true)
              .endVersion()
              .endSpec()
              .build());
      cluster.with(
          new GenericKubernetesResourceBuilder()
              .withApiVersion("gateway.networking.k8s.io/v1")
              .withKind("HTTPRoute")
              .withNewMetadata()
              .withName("shop")
              .withNamespace("web")
              .endMetadata()
              .addToAdditionalProperties(
                  "spec", java.util.Map.of("hostnames", List.of("shop.example")))
              .build());

      Snapshot snapshot = LiveSource.read(cluster.options(dir, new ArrayList<>()), Progress.NONE);

      GenericKubernetesResource route =
          snapshot
              .find("HTTPRoute", "web", "shop")
              .orElseThrow()
              .as(GenericKubernetesResource.class);
      assertThat(route.getApiVersion()).isEqualTo("gateway.networking.k8s.io/v1");
      assertThat(cluster.exchanges())
          .extracting(MockCluster.Exchange::path)
          .contains("/apis/gateway.networking.k8s.io/v1/httproutes?limit=500");
    }
  }
}
