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
}
