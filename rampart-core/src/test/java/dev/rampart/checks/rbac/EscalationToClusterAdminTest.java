package dev.rampart.checks.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class EscalationToClusterAdminTest {

  @Test
  void flagsTheBindingThatEnablesTheStepAndNamesThePath() {
    CheckTester t =
        CheckTester.run(
            new EscalationToClusterAdmin(),
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: cluster-admin}
            rules: [{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}]
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: legacy-admin, namespace: kube-system}
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: deployer, namespace: ci}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: legacy-admin}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
            subjects: [{kind: ServiceAccount, name: legacy-admin, namespace: kube-system}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: deployer}
            rules: [{apiGroups: [""], resources: [pods], verbs: [create]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: ci-deployer
              annotations: {rampart.test/expect: escalation-to-cluster-admin}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: deployer}
            subjects: [{kind: ServiceAccount, name: deployer, namespace: ci}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: ci-only, namespace: ci}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: deployer}
            subjects: [{kind: ServiceAccount, name: builder, namespace: ci}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: support}
            rules: [{apiGroups: [""], resources: [users, groups], verbs: [impersonate]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: support
              annotations: {rampart.test/expect: escalation-to-cluster-admin}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: support}
            subjects: [{kind: User, name: support@example.com}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: "system:controller:replicaset-controller"}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: deployer}
            subjects: [{kind: ServiceAccount, name: replicaset-controller, namespace: kube-system}]
            """);
    t.assertExpectations();
    assertThat(t.findings())
        .extracting(f -> f.message())
        .containsExactly(
            "ServiceAccount ci/deployer can become cluster-admin in one step: run a pod in"
                + " namespace kube-system as ServiceAccount kube-system/legacy-admin",
            "User support@example.com can become cluster-admin in one step: impersonate Group"
                + " system:masters");
    assertThat(t.tally().notApplicable())
        .as("the built-in controller binding, and legacy-admin's, left to cluster-admin-binding")
        .isEqualTo(2);
  }

  @Test
  void leavesClusterWideBindingsThatGrantEverythingToClusterAdminBinding() {
    CheckTester t =
        CheckTester.run(
            new EscalationToClusterAdmin(),
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: operator}
            rules:
            - {apiGroups: ["*"], resources: ["*"], verbs: [get, list, watch, create, update, patch, delete]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: operator}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: operator}
            subjects: [{kind: ServiceAccount, name: operator, namespace: ops}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: operator
              namespace: ops
              annotations: {rampart.test/expect: escalation-to-cluster-admin}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: operator}
            subjects: [{kind: User, name: ops-lead}]
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: operator, namespace: ops}
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: backup, namespace: ops}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: backup}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
            subjects: [{kind: ServiceAccount, name: backup, namespace: ops}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: cluster-admin}
            rules: [{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}]
            """);
    t.assertExpectations();
    assertThat(t.tally().notApplicable())
        .as("ClusterRoleBindings operator and backup")
        .isEqualTo(2);
    assertThat(t.findings())
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .as("a namespace's owner who can run pods as the namespace's admin account")
                    .startsWith("User ops-lead can become cluster-admin in one step"));
  }
}
