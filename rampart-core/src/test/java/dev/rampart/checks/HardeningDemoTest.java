package dev.rampart.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.config.ConfigLoader;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.source.demo.DemoCluster;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The workload hardening, secret and image checks find the weaknesses planted in the demo cluster
 * (ids from {@code demo/README.md}), and nothing but missing disruption budgets in its hardened
 * {@code catalog} namespace.
 */
class HardeningDemoTest {

  private static final Set<String> PACKAGES =
      Set.of("dev.rampart.checks.workload", "dev.rampart.checks.data", "dev.rampart.checks.supply");

  private static List<Finding> findings() throws Exception {
    List<Check> checks =
        BuiltInChecks.all().stream()
            .filter(c -> PACKAGES.contains(c.getClass().getPackageName()))
            .toList();
    Set<String> ids =
        BuiltInChecks.all().stream().map(c -> c.descriptor().id()).collect(Collectors.toSet());
    var config = new ConfigLoader().load("demo/rampart.yaml", DemoCluster.config(), ids);
    Snapshot demo = DemoCluster.load();
    return new CheckRunner(checks, "demo")
        .run(
            demo,
            new CheckContext(config.trustedRegistries(), Instant.EPOCH),
            SeverityOverrides.NONE)
        .findings();
  }

  private static String key(Finding f) {
    return f.checkId()
        + " "
        + f.resource().namespace()
        + "/"
        + f.resource().kind()
        + "/"
        + f.resource().name();
  }

  @Test
  void findsThePlantedWeaknesses() throws Exception {
    Set<String> found = findings().stream().map(HardeningDemoTest::key).collect(Collectors.toSet());
    assertThat(found)
        .contains(
            "sensitive-host-path monitoring/DaemonSet/node-debugger", // W03
            "container-runtime-socket-mount monitoring/DaemonSet/node-debugger", // W04
            "dangerous-capabilities checkout/Deployment/checkout-api", // W11
            "dangerous-capabilities ci/Deployment/buildkitd", // W12
            "shared-process-namespace payments/Deployment/fraud-check", // W15
            "sensitive-host-path monitoring/DaemonSet/node-exporter", // W17
            "missing-memory-limit storefront/Deployment/frontend", // W18
            "missing-liveness-probe storefront/Deployment/cart", // W19
            "missing-readiness-probe checkout/Deployment/checkout-api", // W19, sidecar envoy
            "automounted-service-account-token storefront/Deployment/frontend", // W20
            "workload-in-default-namespace default/ReplicationController/legacy-inventory", // W21
            "workload-in-default-namespace default/Pod/debug-shell", // W21
            "naked-pod default/Pod/debug-shell", // W22
            "naked-pod default/Pod/nginx", // W22
            "naked-pod ci/Pod/runner-deploy-job-4821", // W22
            "plaintext-secret-in-env storefront/Deployment/recommendations", // S01
            "plaintext-secret-in-configmap checkout/ConfigMap/order-service-config", // S02
            "plaintext-secret-in-configmap data/ConfigMap/redis-commander-config", // S03
            "plaintext-secret-in-annotation ci/Deployment/gitlab-runner", // S04
            "plaintext-secret-in-annotation storefront/Secret/payments-db-credentials", // S05
            "secret-as-environment-variable storefront/Deployment/frontend", // S06
            "secret-as-environment-variable payments/Deployment/payment-gateway", // S06
            "secret-as-environment-variable checkout/Deployment/checkout-api", // S06
            "latest-image-tag storefront/Deployment/recommendations", // I01
            "latest-image-tag default/Pod/debug-shell", // I01
            "latest-image-tag default/Pod/nginx", // I02
            "latest-image-tag logging/CronJob/elasticsearch-curator", // I02
            "untrusted-registry storefront/Deployment/recommendations", // I03
            "untrusted-registry data/Deployment/redis-commander", // I03
            "untrusted-registry checkout/Deployment/email-notifier"); // I03
  }

  @Test
  void theHardenedNamespaceOnlyLacksDisruptionBudgets() throws Exception {
    assertThat(findings())
        .filteredOn(f -> "catalog".equals(f.resource().namespace()))
        .extracting(Finding::checkId)
        .containsOnly("missing-pod-disruption-budget");
  }
}
