package dev.rampart.source.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.BuiltInChecks;
import dev.rampart.checks.Finding;
import dev.rampart.config.ConfigLoader;
import dev.rampart.config.RampartConfig;
import dev.rampart.scan.Coverage;
import dev.rampart.scan.ScanOptions;
import dev.rampart.scan.ScanResult;
import dev.rampart.scan.Scanner;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo's control plane, nodes and versions are assessed (README, section 5). */
class DemoControlPlaneTest {

  private static ScanResult result;

  @BeforeAll
  static void scan() throws Exception {
    Set<String> ids =
        BuiltInChecks.all().stream().map(c -> c.descriptor().id()).collect(Collectors.toSet());
    RampartConfig config = new ConfigLoader().load("demo/rampart.yaml", DemoCluster.config(), ids);
    result =
        new Scanner(BuiltInChecks.all(), config, "demo/rampart.yaml")
            .scan(
                DemoCluster.load(),
                new ScanOptions(List.of(), null, Instant.parse("2026-11-28T00:00:00Z")));
  }

  private static List<Finding> findings(String checkId) {
    return result.findings().stream().filter(f -> f.checkId().equals(checkId)).toList();
  }

  private static Set<String> on(String checkId) {
    return findings(checkId).stream().map(f -> f.resource().name()).collect(Collectors.toSet());
  }

  @Test
  void hasFindingsInCisSectionsOneTwoAndFour() {
    for (String section : new String[] {"1", "2", "4"}) {
      assertThat(result.findings())
          .as("findings in CIS section " + section)
          .anyMatch(
              f ->
                  f.frameworks().stream()
                      .anyMatch(fw -> fw.startsWith("cis-k8s-1.9:" + section + ".")));
    }
  }

  @Test
  void findsThePlantedControlPlaneWeaknesses() {
    assertThat(on("apiserver-anonymous-auth")).containsExactly("kube-apiserver-cp-1");
    assertThat(on("control-plane-profiling-enabled"))
        .containsExactlyInAnyOrder(
            "kube-apiserver-cp-1", "kube-controller-manager-cp-1", "kube-scheduler-cp-1");
    assertThat(on("apiserver-audit-log-disabled")).containsExactly("kube-apiserver-cp-1");
    assertThat(on("apiserver-encryption-at-rest-missing")).containsExactly("kube-apiserver-cp-1");
    assertThat(on("apiserver-kubelet-ca-missing")).containsExactly("kube-apiserver-cp-1");
    assertThat(on("apiserver-always-pull-images-missing")).containsExactly("kube-apiserver-cp-1");
    assertThat(on("control-plane-bind-address")).containsExactly("kube-scheduler-cp-1");
    assertThat(on("etcd-peer-client-cert-auth-disabled")).containsExactly("etcd-cp-1");
  }

  @Test
  void whatKubeadmGetsRightPasses() {
    for (String id :
        new String[] {
          "apiserver-authorization-always-allow",
          "apiserver-node-restriction-missing",
          "apiserver-etcd-tls-missing",
          "controller-manager-shared-credentials",
          "etcd-client-cert-auth-disabled",
          "etcd-shared-ca",
          "kube-proxy-metrics-exposed"
        }) {
      assertThat(findings(id)).as(id).isEmpty();
    }
  }

  @Test
  void worker3sOldKubeletIsOpen() {
    assertThat(on("kubelet-anonymous-auth")).containsExactly("worker-3");
    assertThat(on("kubelet-authorization-always-allow")).containsExactly("worker-3");
    assertThat(on("kubelet-read-only-port")).containsExactly("worker-3");
    assertThat(on("kubelet-end-of-life")).contains("worker-3");
    assertThat(findings("kubelet-read-only-port").get(0).resource().kind())
        .isEqualTo("KubeletConfiguration");
  }

  @Test
  void judgesVersionsAgainstTheScanDate() {
    assertThat(findings("kubernetes-end-of-life"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .contains("Kubernetes 1.29 (v1.29.4, from the kube-apiserver image tag")
                    .contains("final patch release is 1.29.15"));
    assertThat(findings("container-runtime-vulnerable"))
        .filteredOn(f -> f.evidence().path().endsWith("CVE-2024-21626"))
        .extracting(f -> f.resource().name())
        .containsExactly("worker-2");
    assertThat(findings("ingress-nginx-vulnerable"))
        .anyMatch(f -> f.evidence().path().endsWith("CVE-2025-1974"));
    assertThat(findings("kubelet-version-skew")).isEmpty();
  }

  @Test
  void namespacesWithoutEnforcementAreFoundAndCatalogIsNot() {
    Set<String> failing = on("namespace-pod-security-not-enforced");
    assertThat(failing).contains("monitoring", "payments", "storefront").doesNotContain("catalog");
  }

  @Test
  void aNamespaceFilterLeavesClusterScopedFindingsOut() {
    ScanResult monitoring =
        new Scanner(BuiltInChecks.all(), RampartConfig.EMPTY, "rampart.yaml")
            .scan(DemoCluster.load(), new ScanOptions(List.of("monitoring"), null, null));
    assertThat(monitoring.findings())
        .isNotEmpty()
        .allMatch(f -> "monitoring".equals(f.resource().namespace()));
  }

  @Test
  void theCoverageSaysWhatOnlyTheHostsShow() {
    assertThat(result.coverage().notEvaluated())
        .extracting(Coverage.NotEvaluated::checkId)
        .contains(
            "control-plane-file-permissions", "node-file-permissions", "kubelet-hostname-override");
  }
}
