package dev.rampart.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.Severity;
import dev.rampart.checks.rbac.ClusterAdminBinding;
import dev.rampart.checks.rbac.SecretsReadGrant;
import dev.rampart.config.ConfigLoader;
import dev.rampart.config.RampartConfig;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.source.file.ManifestReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Findings on cluster-scoped objects (ClusterRoleBindings) go through the whole pipeline. */
class ClusterScopedFindingsTest {

  private static final String CLUSTER =
      """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: secrets}
      rules: [{apiGroups: [""], resources: [secrets], verbs: [list]}]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: lister}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: secrets}
      subjects: [{kind: ServiceAccount, name: agent, namespace: ops}]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: lister, namespace: shop}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: secrets}
      subjects: [{kind: ServiceAccount, name: web, namespace: shop}]
      """;

  private static ScanResult scan(List<String> namespaces) throws Exception {
    RampartConfig config =
        new ConfigLoader()
            .load(
                "rampart.yaml",
                """
                assetGroups:
                - name: shop
                  criticality: critical
                  match: {namespaces: [shop]}
                """,
                Set.of("rbac-read-secrets", "cluster-admin-binding"));
    ManifestReader.Result read =
        new ManifestReader()
            .read("c.yaml", new ByteArrayInputStream(CLUSTER.getBytes(StandardCharsets.UTF_8)));
    return new Scanner(List.of(new SecretsReadGrant(), new ClusterAdminBinding()), config, "x")
        .scan(
            new Snapshot("test", read.objects(), List.of()),
            new ScanOptions(namespaces, Severity.INFO, Instant.now()));
  }

  @Test
  void areMatchedAgainstNamespacedAssetGroupsAndNamespaceFilters() throws Exception {
    assertThat(scan(List.of()).findings())
        .extracting(f -> f.resource().kind() + " " + f.priority())
        .containsExactly("RoleBinding 70", "ClusterRoleBinding 55");
    assertThat(scan(List.of("shop")).findings())
        .as("a cluster-scoped finding is in no namespace")
        .extracting(f -> f.resource().kind())
        .containsExactly("RoleBinding");
  }
}
