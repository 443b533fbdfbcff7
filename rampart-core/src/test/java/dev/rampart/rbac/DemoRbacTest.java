package dev.rampart.rbac;

import static dev.rampart.rbac.Fixtures.sa;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.source.demo.DemoCluster;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ShopOps demo's planted RBAC weaknesses (R01-R12 of demo/README.md), as the engine sees them.
 */
class DemoRbacTest {

  private static final Rbac RBAC = Rbac.of(DemoCluster.load());

  @Test
  void whoCanGetSecretsInPaymentsNamesExactlyThePlantedSubjects() {
    List<Subject> subjects =
        RBAC.whoCan(ApiResources.request("get", "secrets", "payments", "")).stream()
            .map(Grant::holder)
            .distinct()
            .toList();
    assertThat(subjects)
        .containsExactlyInAnyOrder(
            sa("ci", "deployer"), // R01
            sa("kube-system", "legacy-admin"), // R02
            Subject.group("system:serviceaccounts:storefront"), // R03
            Subject.group("system:authenticated"), // R03
            sa("monitoring", "node-debugger"), // R04
            sa("data", "backup-agent"), // R09, missing
            sa("monitoring", "prometheus-server"), // R11, through aggregation
            Subject.group("system:masters"), // built-in cluster-admin
            Subject.group("kubeadm:cluster-admins")); // built-in cluster-admin
    assertThat(RBAC.serviceAccountExists("data", "backup-agent")).isFalse();
  }

  @Test
  void namedSecretsAddTheRolesLimitedByResourceNames() {
    List<Subject> subjects =
        RBAC
            .whoCan(ApiResources.request("get", "secrets", "payments", "payments-db-credentials"))
            .stream()
            .map(Grant::holder)
            .distinct()
            .toList();
    assertThat(subjects).contains(sa("payments", "payments-db-backup"));
  }

  @Test
  void theEscalationReportNamesThePlantedPaths() {
    Map<Subject, List<Escalation>> all = Escalations.of(RBAC).all();
    assertThat(all.keySet())
        .containsExactlyInAnyOrder(
            sa("ci", "deployer"), // R01, G03: pods as legacy-admin, its token Secret
            sa("kube-system", "legacy-admin"), // R02
            sa("monitoring", "node-debugger"), // R04
            Subject.user("support@shopops.example"), // R06, G07: impersonates system:masters
            sa("ci", "release-manager"), // R07, G04: bind / escalate
            sa("data", "backup-agent"), // R09 + R12: reads the admin token Secret
            sa("monitoring", "prometheus-server"), // R11 + R12
            // R12 reaches further: every subject that lists Secrets cluster-wide reads the
            // legacy-admin token, including two upstream defaults.
            sa("ingress-nginx", "ingress-nginx"),
            sa("monitoring", "kube-state-metrics"),
            // The AWS cloud controller's built-in role creates tokens for any service account.
            sa("kube-system", "cloud-controller-manager"),
            Subject.group("system:masters"),
            Subject.group("kubeadm:cluster-admins"));
    assertThat(techniques(sa("ci", "deployer")))
        .containsExactly(
            Escalation.Technique.CREATE_WORKLOAD, Escalation.Technique.TOKEN_SECRET_READ);
    assertThat(techniques(sa("ci", "release-manager")))
        .contains(Escalation.Technique.BIND, Escalation.Technique.ESCALATE);
    assertThat(techniques(Subject.user("support@shopops.example")))
        .containsOnly(Escalation.Technique.IMPERSONATE);
    assertThat(all.get(Subject.user("support@shopops.example")).get(0).summary())
        .isEqualTo("impersonate Group system:masters");
  }

  @Test
  void theFrontendTokenReadsPaymentsSecretsThroughItsNamespaceGroup() {
    Subject frontend = sa("storefront", "frontend");
    List<Grant> grants =
        RBAC.grantsOf(frontend, ApiResources.request("list", "secrets", "payments", ""));
    assertThat(grants).isNotEmpty();
    assertThat(grants.get(0).binding().name()).isEqualTo("payments-secrets-readers");
    assertThat(RBAC.tokens().mountedBy(frontend)).extracting(w -> w.name()).contains("frontend");
  }

  @Test
  void theDefaultServiceAccountOfCheckoutCanEdit() {
    Subject checkoutDefault = sa("checkout", "default");
    assertThat(RBAC.allows(checkoutDefault, ApiResources.request("create", "pods", "checkout", "")))
        .isTrue();
    assertThat(RBAC.allows(checkoutDefault, ApiResources.request("create", "pods", "payments", "")))
        .isFalse();
    assertThat(RBAC.tokens().mountedBy(checkoutDefault))
        .extracting(w -> w.name())
        .containsExactlyInAnyOrder("checkout-api", "abandoned-cart-reminder");
  }

  private static List<Escalation.Technique> techniques(Subject s) {
    return Escalations.of(RBAC).of(s).stream().map(Escalation::technique).distinct().toList();
  }
}
