package dev.rampart.checks.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class BindingToMissingRoleTest {

  @Test
  void flagsBindingsToRolesTheInputLacksButNotToBuiltInRoles() {
    CheckTester t =
        CheckTester.run(
            new BindingToMissingRole(),
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: present, namespace: checkout}
            rules: [{apiGroups: [""], resources: [pods], verbs: [get]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: shop-reader}
            rules: [{apiGroups: [""], resources: [pods], verbs: [get]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: legacy-ops
              namespace: checkout
              annotations: {rampart.test/expect: rbac-binding-to-missing-role}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: ops-legacy}
            subjects: [{kind: Group, name: "shopops:ops"}, {kind: User, name: ops-lead}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: other-namespace
              namespace: shop
              annotations: {rampart.test/expect: rbac-binding-to-missing-role}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: present}
            subjects: [{kind: Group, name: devs}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: gone
              annotations: {rampart.test/expect: rbac-binding-to-missing-role}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: uninstalled-operator}
            subjects: [{kind: ServiceAccount, name: operator, namespace: ops}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: fine, namespace: checkout}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: present}
            subjects: [{kind: Group, name: devs}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: built-in-role, namespace: checkout}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
            subjects: [{kind: Group, name: devs}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: node-proxier}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:node-proxier"}
            subjects: [{kind: ServiceAccount, name: kube-proxy, namespace: kube-system}]
            """);
    t.assertExpectations();
    assertThat(t.findings())
        .filteredOn(f -> f.resource().name().equals("legacy-ops"))
        .extracting(f -> f.evidence().path() + ": " + f.message())
        .containsExactly(
            "roleRef.name: "
                + "RoleBinding/checkout/legacy-ops refers to Role/checkout/ops-legacy, which does not"
                + " exist; creating it would grant Group shopops:ops, User ops-lead");
  }

  @Test
  void isNotEvaluatedWhenTheInputHasNoRolesAtAll() {
    CheckTester t =
        CheckTester.run(
            new BindingToMissingRole(),
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: app, namespace: shop}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: app}
            subjects: [{kind: ServiceAccount, name: app}]
            """);
    assertThat(t.findings()).isEmpty();
    assertThat(t.tally().notEvaluated()).hasSize(1);
  }
}
