package dev.rampart.checks.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class ClusterAdminBindingTest {

  private static final String ROLES =
      """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: cluster-admin}
      rules:
      - {apiGroups: ["*"], resources: ["*"], verbs: ["*"]}
      - {nonResourceURLs: ["*"], verbs: ["*"]}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: toolbox}
      rules: [{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: almost}
      rules: [{apiGroups: ["*"], resources: ["*"], verbs: [get, list, watch]}]
      """;

  @Test
  void flagsOrdinarySubjectsOfAdminRolesButNotTheBuiltIns() {
    CheckTester t =
        CheckTester.run(
            new ClusterAdminBinding(),
            ROLES
                + """
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata: {name: cluster-admin}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
                subjects: [{kind: Group, name: "system:masters"}]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata: {name: "kubeadm:cluster-admins"}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
                subjects: [{kind: Group, name: "kubeadm:cluster-admins"}]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata:
                  name: jenkins
                  annotations: {rampart.test/expect: cluster-admin-binding}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
                subjects: [{kind: ServiceAccount, name: jenkins, namespace: kube-system}]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata:
                  name: toolbox
                  annotations: {rampart.test/expect: cluster-admin-binding}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: toolbox}
                subjects: [{kind: ServiceAccount, name: toolbox, namespace: sre}]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata:
                  name: namespace-admin
                  namespace: shop
                  annotations: {rampart.test/expect: cluster-admin-binding}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
                subjects: [{kind: User, name: shop-lead}]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata: {name: auditors}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: almost}
                subjects: [{kind: Group, name: auditors}]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata:
                  name: "system:sneaky"
                  annotations: {rampart.test/expect: cluster-admin-binding}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
                subjects: [{kind: User, name: "system:kube-controller-manager"}, {kind: User, name: mallory}]
                """);
    t.assertExpectations();
    assertThat(t.findings())
        .extracting(f -> f.message())
        .contains(
            "ServiceAccount kube-system/jenkins is cluster-admin through ClusterRole/cluster-admin",
            "ServiceAccount sre/toolbox is cluster-admin through ClusterRole/toolbox, which grants"
                + " every verb on every resource",
            "User shop-lead holds every permission in namespace shop through"
                + " ClusterRole/cluster-admin");
    assertThat(t.findings().stream().filter(f -> f.resource().name().equals("system:sneaky")))
        .as("a built-in name with an ordinary subject added is reported, for every subject")
        .hasSize(2);
  }

  @Test
  void everyStandardVerbOnEveryResourceIsAdminEvenWithoutTheWildcardVerb() {
    CheckTester t =
        CheckTester.run(
            new ClusterAdminBinding(),
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: operator}
            rules:
            - {apiGroups: ["*"], resources: ["*"], verbs: [get, list, watch]}
            - {apiGroups: ["*"], resources: ["*"], verbs: [delete, patch, update, create]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: no-delete}
            rules:
            - {apiGroups: ["*"], resources: ["*"], verbs: [get, list, watch, create, update, patch]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: owner, namespace: shop}
            rules:
            - {apiGroups: ["*"], resources: ["*"], verbs: [get, list, watch, create, update, patch, delete]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: operator
              annotations: {rampart.test/expect: cluster-admin-binding}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: operator}
            subjects: [{kind: ServiceAccount, name: operator, namespace: ops}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: no-delete}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: no-delete}
            subjects: [{kind: ServiceAccount, name: operator, namespace: ops}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: owner
              namespace: shop
              annotations: {rampart.test/expect: cluster-admin-binding}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: owner}
            subjects: [{kind: User, name: shop-lead}]
            """);
    t.assertExpectations();
    assertThat(t.findings())
        .extracting(f -> f.message())
        .containsExactlyInAnyOrder(
            "ServiceAccount ops/operator can read and write every object of the cluster, an"
                + " administrator in all but name, through ClusterRole/operator, which grants get,"
                + " list, watch, create, update, patch and delete on every resource",
            "User shop-lead can read and write every object in namespace shop through"
                + " Role/shop/owner, which grants get, list, watch, create, update, patch and"
                + " delete on every resource");
  }

  @Test
  void clusterAdminIsEverythingWhateverTheInputSaysUnlessItOptsOutOfReconciliation() {
    CheckTester t =
        CheckTester.run(
            new ClusterAdminBinding(),
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: cluster-admin}
            rules: [{apiGroups: [""], resources: [configmaps], verbs: [get]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: ci
              annotations: {rampart.test/expect: cluster-admin-binding}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
            subjects: [{kind: ServiceAccount, name: deployer, namespace: ci}]
            """);
    t.assertExpectations();
    assertThat(t.findings())
        .extracting(f -> f.message())
        .containsExactly(
            "ServiceAccount ci/deployer is cluster-admin through ClusterRole/cluster-admin (the"
                + " input narrows its rules, but the API server restores every permission of this"
                + " bootstrap role at each start unless it is annotated"
                + " rbac.authorization.kubernetes.io/autoupdate: \"false\")");

    CheckTester.run(
            new ClusterAdminBinding(),
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: cluster-admin
              annotations: {rbac.authorization.kubernetes.io/autoupdate: "false"}
            rules: [{apiGroups: [""], resources: [configmaps], verbs: [get]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: ci}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
            subjects: [{kind: ServiceAccount, name: deployer, namespace: ci}]
            """)
        .assertExpectations();
  }

  @Test
  void aBindingToClusterAdminCountsWhenTheInputLacksTheRole() {
    CheckTester t =
        CheckTester.run(
            new ClusterAdminBinding(),
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: superadmin
              annotations: {rampart.test/expect: cluster-admin-binding}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
            subjects: [{kind: ServiceAccount, name: superadmin, namespace: kube-system}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: team-admin
              namespace: shop
              annotations: {rampart.test/expect: cluster-admin-binding}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
            subjects: [{kind: Group, name: shop-team}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: missing-toolbox}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: toolbox}
            subjects: [{kind: User, name: mallory}]
            """);
    t.assertExpectations();
    assertThat(t.findings())
        .extracting(f -> f.message())
        .containsExactlyInAnyOrder(
            "ServiceAccount kube-system/superadmin is cluster-admin through"
                + " ClusterRole/cluster-admin",
            "Group shop-team holds every permission in namespace shop through"
                + " ClusterRole/cluster-admin");
  }

  @Test
  void builtInBindingNamesDoNotExemptOrdinarySubjects() {
    CheckTester.run(
            new ClusterAdminBinding(),
            ROLES
                + """
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata:
                  name: "gce:podsecuritypolicy:calico-sa"
                  annotations: {rampart.test/expect: cluster-admin-binding}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: toolbox}
                subjects: [{kind: User, name: testuser}]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata:
                  name: "system:test"
                  namespace: test
                  annotations: {rampart.test/expect: cluster-admin-binding}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: toolbox}
                subjects: [{kind: User, name: testuser}]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata: {name: "gce:podsecuritypolicy:calico-sa-system"}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: toolbox}
                subjects: [{kind: ServiceAccount, name: calico-sa, namespace: kube-system}]
                """)
        .assertExpectations();
  }
}
