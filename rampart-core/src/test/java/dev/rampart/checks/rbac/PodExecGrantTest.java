package dev.rampart.checks.rbac;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class PodExecGrantTest {

  @Test
  void flagsExecAttachPortForwardAndDebugContainers() {
    CheckTester.run(
            new PodExecGrant(),
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: exec, namespace: shop}
            rules: [{apiGroups: [""], resources: [pods/exec], verbs: [create]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: devs-exec
              namespace: shop
              annotations: {rampart.test/expect: rbac-pod-exec}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: exec}
            subjects: [{kind: Group, name: devs}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: websocket-exec, namespace: shop}
            rules: [{apiGroups: [""], resources: [pods/exec, pods/portforward], verbs: [get]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: oncall-exec
              namespace: shop
              annotations: {rampart.test/expect: rbac-pod-exec}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: websocket-exec}
            subjects: [{kind: User, name: oncall}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: debug, namespace: shop}
            rules: [{apiGroups: [""], resources: [pods/ephemeralcontainers], verbs: [patch]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: debuggers
              namespace: shop
              annotations: {rampart.test/expect: rbac-pod-exec}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: debug}
            subjects: [{kind: User, name: sre}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: logs, namespace: shop}
            rules: [{apiGroups: [""], resources: [pods, pods/log, "pods/*"], verbs: [get, create]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: log-readers, namespace: shop}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: logs}
            subjects: [{kind: Group, name: devs}]
            """)
        .assertExpectations();
  }

  @Test
  void leavesBindingsThatGrantEverythingToClusterAdminBinding() {
    CheckTester.run(
            new PodExecGrant(),
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: cluster-admin}
            rules: [{apiGroups: [""], resources: [pods/exec], verbs: [create]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: cluster-admin}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
            subjects: [{kind: User, name: testuser}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: owner, namespace: shop}
            rules:
            - {apiGroups: ["*"], resources: ["*"], verbs: [get, list, watch, create, update, patch, delete]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: owner, namespace: shop}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: owner}
            subjects: [{kind: User, name: shop-lead}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: "system:controller:generic-garbage-collector"}
            rules: [{apiGroups: [""], resources: [pods/attach], verbs: [create]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: "system:controller:generic-garbage-collector"
              annotations: {rampart.test/expect: rbac-pod-exec}
            roleRef:
              apiGroup: rbac.authorization.k8s.io
              kind: ClusterRole
              name: "system:controller:generic-garbage-collector"
            subjects: [{kind: User, name: testuser}]
            """)
        .assertExpectations();
  }
}
