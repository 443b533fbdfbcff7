package dev.rampart.checks.rbac;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class EveryoneGrantTest {

  @Test
  void flagsGrantsToEveryoneExceptTheUpstreamDefaults() {
    CheckTester.run(
            new EveryoneGrant(),
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: "system:discovery"}
            rules: [{nonResourceURLs: [/api, /api/*, /apis, /apis/*], verbs: [get]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: "system:discovery"}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:discovery"}
            subjects: [{kind: Group, name: "system:authenticated"}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: anonymous-discovery
              annotations: {rampart.test/expect: rbac-grant-to-everyone}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:discovery"}
            subjects: [{kind: Group, name: "system:unauthenticated"}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: secret-reader, namespace: payments}
            rules: [{apiGroups: [""], resources: [secrets], verbs: [get]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: readers
              namespace: payments
              annotations: {rampart.test/expect: rbac-grant-to-everyone}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: secret-reader}
            subjects: [{kind: Group, name: app-team}, {kind: Group, name: "system:authenticated"}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: anonymous-user
              namespace: payments
              annotations: {rampart.test/expect: rbac-grant-to-everyone}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: future-role}
            subjects: [{kind: User, name: "system:anonymous"}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: every-token
              namespace: payments
              annotations: {rampart.test/expect: rbac-grant-to-everyone}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: secret-reader}
            subjects: [{kind: Group, name: "system:serviceaccounts"}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: team-only, namespace: payments}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: secret-reader}
            subjects: [{kind: Group, name: app-team}]
            """)
        .assertExpectations();
  }
}
