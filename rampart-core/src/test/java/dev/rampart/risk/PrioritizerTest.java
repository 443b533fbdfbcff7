package dev.rampart.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckRunner;
import dev.rampart.checks.Finding;
import dev.rampart.checks.SeverityOverrides;
import dev.rampart.checks.rbac.SecretsReadGrant;
import dev.rampart.graph.AssetGroups;
import dev.rampart.network.Exposure;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.source.file.ManifestReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrioritizerTest {

  private static final String CLUSTER =
      """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: secrets, namespace: shop}
      rules: [{apiGroups: [""], resources: [secrets], verbs: [get]}]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: secrets, namespace: shop}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: secrets}
      subjects:
      - {kind: ServiceAccount, name: web}
      - {kind: ServiceAccount, name: batch}
      - {kind: User, name: alice}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop}
      spec:
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec: {serviceAccountName: web, containers: [{name: app, image: web:1}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: web, namespace: shop}
      spec: {type: LoadBalancer, selector: {app: web}, ports: [{port: 80}]}
      ---
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: report, namespace: shop}
      spec:
        schedule: "0 * * * *"
        jobTemplate:
          spec:
            template:
              spec: {serviceAccountName: batch, containers: [{name: r, image: report:1}]}
      """;

  @Test
  void grantsHeldByMountedTokensRankHigherAndSayWhere() {
    ManifestReader.Result read =
        new ManifestReader()
            .read(
                "cluster.yaml", new ByteArrayInputStream(CLUSTER.getBytes(StandardCharsets.UTF_8)));
    Snapshot snapshot = new Snapshot("test", read.objects(), List.of());
    Prioritizer prioritizer =
        new Prioritizer(snapshot, Exposure.of(snapshot), new AssetGroups(List.of()));
    List<Finding> findings =
        new CheckRunner(List.of(new SecretsReadGrant()), "test")
            .run(snapshot, CheckContext.defaults(), SeverityOverrides.NONE).findings().stream()
                .map(prioritizer::prioritize)
                .toList();
    assertThat(findings)
        .extracting(f -> f.evidence().value() + " " + f.priority())
        .containsExactly(
            "ServiceAccount shop/web 80", "ServiceAccount shop/batch 70", "User alice 55");
    assertThat(findings.get(0).priorityReasons())
        .containsExactly(
            "severity high",
            "held by a service account mounted in Deployment/shop/web",
            "a token that holds it runs in Deployment/shop/web, exposed to the internet via Service/shop/web"
                + " (LoadBalancer)");
    assertThat(findings.get(1).priorityReasons())
        .containsExactly(
            "severity high", "held by a service account mounted in CronJob/shop/report");
  }
}
