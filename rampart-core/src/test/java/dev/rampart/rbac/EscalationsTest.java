package dev.rampart.rbac;

import static dev.rampart.rbac.Fixtures.rbac;
import static dev.rampart.rbac.Fixtures.sa;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.rbac.Escalation.Technique;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One fixture per way to cluster-admin, each with a near miss that must not count. */
class EscalationsTest {

  /** An admin service account with a token Secret, run by a DaemonSet in namespace ops. */
  private static final String ADMIN =
      """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: cluster-admin}
      rules:
      - {apiGroups: ["*"], resources: ["*"], verbs: ["*"]}
      - {nonResourceURLs: ["*"], verbs: ["*"]}
      ---
      apiVersion: v1
      kind: ServiceAccount
      metadata: {name: admin, namespace: ops}
      ---
      apiVersion: v1
      kind: ServiceAccount
      metadata: {name: web, namespace: shop}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: ops-admin}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
      subjects: [{kind: ServiceAccount, name: admin, namespace: ops}]
      ---
      apiVersion: v1
      kind: Secret
      metadata:
        name: admin-token
        namespace: ops
        annotations: {kubernetes.io/service-account.name: admin}
      type: kubernetes.io/service-account-token
      ---
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: agent, namespace: ops}
      spec:
        selector: {matchLabels: {app: agent}}
        template:
          metadata: {labels: {app: agent}}
          spec:
            serviceAccountName: admin
            containers: [{name: agent, image: agent:1}]
      """;

  /** A ClusterRole {@code name} with the given rules, bound cluster-wide to User {@code name}. */
  private static String user(String name, String rules) {
    return """
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: %1$s}
        rules:
        %2$s
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: %1$s}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: %1$s}
        subjects: [{kind: User, name: %1$s}]
        """
        .formatted(name, rules.strip());
  }

  private static List<Technique> techniques(Rbac rbac, String user) {
    return Escalations.of(rbac).of(Subject.user(user)).stream()
        .map(Escalation::technique)
        .distinct()
        .toList();
  }

  @Test
  void directAdminsAndSystemMasters() {
    Rbac rbac = rbac(ADMIN);
    Escalation e = Escalations.of(rbac).of(sa("ops", "admin")).get(0);
    assertThat(e.technique()).isEqualTo(Technique.WILDCARD_GRANT);
    assertThat(e.isDirect()).isTrue();
    assertThat(e.enablingGrants().get(0).binding().name()).isEqualTo("ops-admin");
    assertThat(Escalations.of(rbac).of(Subject.group("system:masters")).get(0).technique())
        .isEqualTo(Technique.SYSTEM_MASTERS);
    assertThat(Escalations.of(rbac).of(sa("shop", "web"))).isEmpty();
    assertThat(Escalations.of(rbac).all().keySet())
        .containsExactly(sa("ops", "admin"), Subject.group("system:masters"));
  }

  @Test
  void bindingClusterAdminNeedsBindAndBindingCreation() {
    Rbac rbac =
        rbac(
            ADMIN
                + user(
                    "binder",
                    """
                    - {apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [bind], resourceNames: [cluster-admin]}
                    - {apiGroups: [rbac.authorization.k8s.io], resources: [clusterrolebindings], verbs: [create]}
                    """)
                + user(
                    "half-binder",
                    """
                    - {apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [bind]}
                    """)
                + user(
                    "wrong-name",
                    """
                    - {apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [bind], resourceNames: [view]}
                    - {apiGroups: [rbac.authorization.k8s.io], resources: [clusterrolebindings], verbs: [create]}
                    """));
    assertThat(techniques(rbac, "binder")).containsExactly(Technique.BIND);
    Escalation e = Escalations.of(rbac).of(Subject.user("binder")).get(0);
    assertThat(e.chain()).hasSize(2);
    assertThat(e.enablingGrants()).hasSize(2);
    assertThat(techniques(rbac, "half-binder")).isEmpty();
    assertThat(techniques(rbac, "wrong-name")).isEmpty();
  }

  @Test
  void escalatingARoleOneIsBoundTo() {
    Rbac rbac =
        rbac(
            ADMIN
                + user(
                    "escalator",
                    """
                    - {apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [escalate, update]}
                    """)
                + user(
                    "updater",
                    """
                    - {apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [update]}
                    """));
    assertThat(techniques(rbac, "escalator")).containsExactly(Technique.ESCALATE);
    assertThat(techniques(rbac, "updater")).isEmpty();
  }

  @Test
  void impersonation() {
    Rbac rbac =
        rbac(
            ADMIN
                + user(
                    "masters",
                    """
                    - {apiGroups: [""], resources: [users], verbs: [impersonate], resourceNames: [someone]}
                    - {apiGroups: [""], resources: [groups], verbs: [impersonate], resourceNames: ["system:masters"]}
                    """)
                + user(
                    "groups-only",
                    """
                    - {apiGroups: [""], resources: [groups], verbs: [impersonate]}
                    """)
                + user(
                    "sa",
                    """
                    - {apiGroups: [""], resources: [serviceaccounts], verbs: [impersonate], resourceNames: [admin]}
                    """)
                + user(
                    "other-sa",
                    """
                    - {apiGroups: [""], resources: [serviceaccounts], verbs: [impersonate], resourceNames: [web]}
                    """));
    assertThat(techniques(rbac, "masters")).containsExactly(Technique.IMPERSONATE);
    assertThat(techniques(rbac, "groups-only"))
        .as("a group is impersonated together with a user")
        .isEmpty();
    assertThat(techniques(rbac, "sa")).containsExactly(Technique.IMPERSONATE);
    assertThat(techniques(rbac, "other-sa")).isEmpty();
  }

  @Test
  void runningAPodAsAnAdminServiceAccount() {
    Rbac rbac =
        rbac(
            ADMIN
                + """
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: pod-creator}
                rules: [{apiGroups: [""], resources: [pods], verbs: [create]}]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata: {name: in-ops, namespace: ops}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: pod-creator}
                subjects: [{kind: User, name: ops-dev}]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata: {name: in-shop, namespace: shop}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: pod-creator}
                subjects: [{kind: User, name: shop-dev}]
                """
                + user(
                    "patcher",
                    """
                    - {apiGroups: [apps], resources: [daemonsets], verbs: [patch]}
                    """)
                + user(
                    "cronjob-patcher",
                    """
                    - {apiGroups: [batch], resources: [cronjobs], verbs: [patch]}
                    """));
    assertThat(techniques(rbac, "ops-dev")).containsExactly(Technique.CREATE_WORKLOAD);
    assertThat(Escalations.of(rbac).of(Subject.user("ops-dev")).get(0).summary())
        .isEqualTo("run a pod in namespace ops as ServiceAccount ops/admin");
    assertThat(techniques(rbac, "shop-dev")).as("no admin account in shop").isEmpty();
    assertThat(techniques(rbac, "patcher")).contains(Technique.CREATE_WORKLOAD);
    assertThat(techniques(rbac, "cronjob-patcher")).as("no CronJob in ops to change").isEmpty();
  }

  @Test
  void enteringAPodThatHoldsAnAdminToken() {
    Rbac rbac =
        rbac(
            ADMIN
                + user(
                    "exec",
                    """
                    - {apiGroups: [""], resources: [pods/exec], verbs: [create]}
                    """)
                + user(
                    "debug",
                    """
                    - {apiGroups: [""], resources: [pods/ephemeralcontainers], verbs: [patch]}
                    """)
                + user(
                    "kubelet",
                    """
                    - {apiGroups: [""], resources: [nodes/proxy], verbs: [get]}
                    """)
                + user(
                    "logs",
                    """
                    - {apiGroups: [""], resources: [pods/log, pods/portforward], verbs: [get, create]}
                    """));
    assertThat(techniques(rbac, "exec")).containsExactly(Technique.EXEC);
    assertThat(techniques(rbac, "debug")).containsExactly(Technique.EXEC);
    assertThat(techniques(rbac, "kubelet")).containsExactly(Technique.NODE_PROXY);
    assertThat(techniques(rbac, "logs")).isEmpty();
  }

  @Test
  void noPodHoldsTheTokenWhenAutomountIsOff() {
    Rbac rbac =
        rbac(
            ADMIN.replace(
                    "serviceAccountName: admin",
                    "serviceAccountName: admin\n      automountServiceAccountToken: false")
                + user(
                    "exec",
                    """
                    - {apiGroups: [""], resources: [pods/exec], verbs: [create]}
                    """));
    assertThat(techniques(rbac, "exec")).isEmpty();
  }

  @Test
  void mintingOrReadingAnAdminToken() {
    Rbac rbac =
        rbac(
            ADMIN
                + user(
                    "minter",
                    """
                    - {apiGroups: [""], resources: [serviceaccounts/token], verbs: [create]}
                    """)
                + user(
                    "lister",
                    """
                    - {apiGroups: [""], resources: [secrets], verbs: [list]}
                    """)
                + user(
                    "named-reader",
                    """
                    - {apiGroups: [""], resources: [secrets], verbs: [get], resourceNames: [admin-token]}
                    """)
                + user(
                    "other-reader",
                    """
                    - {apiGroups: [""], resources: [secrets], verbs: [get], resourceNames: [db]}
                    """));
    assertThat(techniques(rbac, "minter")).containsExactly(Technique.TOKEN_CREATE);
    assertThat(techniques(rbac, "lister")).containsExactly(Technique.TOKEN_SECRET_READ);
    assertThat(techniques(rbac, "named-reader")).containsExactly(Technique.TOKEN_SECRET_READ);
    assertThat(techniques(rbac, "other-reader")).isEmpty();
  }

  @Test
  void approvingAClientCertificateForSystemMasters() {
    Rbac rbac =
        rbac(
            ADMIN
                + user(
                    "approver",
                    """
                    - {apiGroups: [certificates.k8s.io], resources: [certificatesigningrequests], verbs: [create]}
                    - {apiGroups: [certificates.k8s.io], resources: [certificatesigningrequests/approval], verbs: [update]}
                    - {apiGroups: [certificates.k8s.io], resources: [signers], verbs: [approve], resourceNames: ["kubernetes.io/*"]}
                    """)
                + user(
                    "kubelet-approver",
                    """
                    - {apiGroups: [certificates.k8s.io], resources: [certificatesigningrequests], verbs: [create]}
                    - {apiGroups: [certificates.k8s.io], resources: [certificatesigningrequests/approval], verbs: [update]}
                    - {apiGroups: [certificates.k8s.io], resources: [signers], verbs: [approve], resourceNames: ["kubernetes.io/kubelet-serving"]}
                    """));
    assertThat(techniques(rbac, "approver")).containsExactly(Technique.CSR_APPROVAL);
    assertThat(techniques(rbac, "kubelet-approver")).isEmpty();
  }

  @Test
  void mutatingWebhooksButNotValidatingOnes() {
    Rbac rbac =
        rbac(
            ADMIN
                + user(
                    "mutator",
                    """
                    - {apiGroups: [admissionregistration.k8s.io], resources: [mutatingwebhookconfigurations], verbs: [create]}
                    """)
                + user(
                    "validator",
                    """
                    - {apiGroups: [admissionregistration.k8s.io], resources: [validatingwebhookconfigurations], verbs: [create, update]}
                    """));
    assertThat(techniques(rbac, "mutator")).containsExactly(Technique.MUTATING_WEBHOOK);
    assertThat(techniques(rbac, "validator")).isEmpty();
  }
}
