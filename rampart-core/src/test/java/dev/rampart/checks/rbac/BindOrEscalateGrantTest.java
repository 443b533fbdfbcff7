package dev.rampart.checks.rbac;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class BindOrEscalateGrantTest {

  @Test
  void flagsBindAndEscalateOnRolesAndClusterRoles() {
    CheckTester.run(
            new BindOrEscalateGrant(),
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: release}
            rules: [{apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [bind]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: release
              annotations: {rampart.test/expect: rbac-bind-escalate}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: release}
            subjects: [{kind: ServiceAccount, name: release, namespace: ci}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: role-admin, namespace: shop}
            rules: [{apiGroups: ["*"], resources: [roles], verbs: [escalate, update]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: role-admin
              namespace: shop
              annotations: {rampart.test/expect: rbac-bind-escalate}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: role-admin}
            subjects: [{kind: User, name: lead}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: role-editor, namespace: shop}
            rules: [{apiGroups: [rbac.authorization.k8s.io], resources: [roles, rolebindings], verbs: [create, update]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: role-editor, namespace: shop}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: role-editor}
            subjects: [{kind: User, name: lead}]
            """)
        .assertExpectations();
  }
}
