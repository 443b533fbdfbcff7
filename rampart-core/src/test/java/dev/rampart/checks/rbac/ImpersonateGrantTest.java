package dev.rampart.checks.rbac;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class ImpersonateGrantTest {

  @Test
  void flagsImpersonationOfUsersGroupsAndServiceAccounts() {
    CheckTester.run(
            new ImpersonateGrant(),
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: support}
            rules: [{apiGroups: [""], resources: [users, groups], verbs: [impersonate]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: support
              annotations: {rampart.test/expect: rbac-impersonate}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: support}
            subjects: [{kind: User, name: support@example.com}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: sa-impersonation, namespace: shop}
            rules: [{apiGroups: [""], resources: [serviceaccounts], verbs: [impersonate]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: shop-impersonation
              namespace: shop
              annotations: {rampart.test/expect: rbac-impersonate}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: sa-impersonation}
            subjects: [{kind: User, name: dev}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: users-in-a-namespace, namespace: shop}
            rules: [{apiGroups: [""], resources: [users], verbs: [impersonate]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: ineffective, namespace: shop}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: users-in-a-namespace}
            subjects: [{kind: User, name: dev}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: scopes}
            rules: [{apiGroups: [authentication.k8s.io], resources: [userextras/scopes], verbs: [impersonate]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: scopes-only}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: scopes}
            subjects: [{kind: User, name: dev}]
            """)
        .assertExpectations();
  }
}
