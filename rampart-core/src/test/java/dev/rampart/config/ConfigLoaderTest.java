package dev.rampart.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  private static final Set<String> KNOWN = Set.of("privileged-container", "host-namespaces");
  private final ConfigLoader loader = new ConfigLoader();

  @Test
  void readsEverySection() throws Exception {
    RampartConfig c =
        loader.load(
            "rampart.yaml",
            """
            apiVersion: rampart.dev/v1
            kind: Config
            cluster: prod-eu
            trustedRegistries: [registry.example.com, ghcr.io/example]
            checks:
              disable: [host-namespaces]
              severity: {privileged-container: high}
            assetGroups:
            - name: payments
              criticality: critical
              match: {namespaces: [payments], labels: {tier: db}, kinds: [StatefulSet]}
            exceptions:
            - checks: [privileged-container]
              scope: {namespace: monitoring, kind: DaemonSet, name: node-*}
              reason: node agent
              expires: "2027-01-31"
            - checks: ["*"]
              scope: {namespace: sandbox}
              reason: throwaway experiments
            """,
            KNOWN);
    assertThat(c.cluster()).isEqualTo("prod-eu");
    assertThat(c.trustedRegistries()).containsExactly("registry.example.com", "ghcr.io/example");
    assertThat(c.checks().disable()).containsExactly("host-namespaces");
    assertThat(c.assetGroups().get(0).match().labels()).containsEntry("tier", "db");
    assertThat(c.exceptions()).hasSize(2);
    assertThat(c.exceptions().get(0).line()).isEqualTo(13);
    assertThat(c.exceptions().get(1).line()).isEqualTo(17);
    assertThat(c.exceptions().get(0).scope().name()).isEqualTo("node-*");
  }

  @Test
  void anEmptyFileIsAnEmptyConfiguration() throws Exception {
    assertThat(loader.load("rampart.yaml", "", KNOWN).exceptions()).isEmpty();
  }

  @Test
  void unknownKeysAreErrorsWithTheirLine() {
    assertThatThrownBy(
            () ->
                loader.load(
                    "rampart.yaml",
                    """
                    cluster: prod
                    exceptions:
                    - checks: [privileged-container]
                      reason: agent
                      scoop: {namespace: monitoring}
                    """,
                    KNOWN))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("rampart.yaml:5")
        .hasMessageContaining("unknown key 'scoop'");
    assertThatThrownBy(() -> loader.load("rampart.yaml", "clusterName: x\n", KNOWN))
        .hasMessageContaining("rampart.yaml:1")
        .hasMessageContaining("'clusterName'");
  }

  @Test
  void anExceptionNeedsAReasonKnownChecksAndARealDate() {
    assertThatThrownBy(
            () -> loader.load("r.yaml", "exceptions:\n- checks: [privileged-container]\n", KNOWN))
        .hasMessageContaining("exceptions[0]: reason is required");
    assertThatThrownBy(
            () ->
                loader.load("r.yaml", "exceptions:\n- checks: [privileged]\n  reason: x\n", KNOWN))
        .hasMessageContaining("unknown check id 'privileged'");
    assertThatThrownBy(
            () ->
                loader.load(
                    "r.yaml",
                    "exceptions:\n- checks: [privileged-container]\n  reason: x\n  expires: soon\n",
                    KNOWN))
        .hasMessageContaining("expires must be a date");
  }

  @Test
  void badValuesAndDuplicateKeysAreErrors() {
    assertThatThrownBy(
            () ->
                loader.load(
                    "r.yaml", "checks:\n  severity: {privileged-container: severe}\n", KNOWN))
        .hasMessageContaining("unknown severity 'severe'");
    assertThatThrownBy(
            () ->
                loader.load(
                    "r.yaml",
                    "assetGroups:\n- name: db\n  criticality: extreme\n  match: {namespaces: [db]}\n",
                    KNOWN))
        .hasMessageContaining("criticality must be");
    assertThatThrownBy(() -> loader.load("r.yaml", "cluster: a\ncluster: b\n", KNOWN))
        .hasMessageContaining("r.yaml:2");
    assertThatThrownBy(() -> loader.load("r.yaml", "kind: Pod\n", KNOWN))
        .hasMessageContaining("kind must be Config");
  }

  @Test
  void aMissingFileIsAClearError(@TempDir Path dir) {
    assertThatThrownBy(() -> loader.load(dir.resolve("nope.yaml"), KNOWN))
        .hasMessageEndingWith("nope.yaml: no such file");
  }

  @Test
  void readsAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("rampart.yaml");
    Files.writeString(file, "cluster: lab\n");
    assertThat(loader.load(file, KNOWN).cluster()).isEqualTo("lab");
  }
}
