package dev.rampart.checks.rbac;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class WorkloadCreationGrantTest {

  @Test
  void flagsCreatingPodsAndChangingControllers() {
    CheckTester.run(
            new WorkloadCreationGrant(),
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: pods, namespace: ci}
            rules: [{apiGroups: [""], resources: [pods], verbs: [create]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: runner
              namespace: ci
              annotations: {rampart.test/expect: rbac-create-workloads}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: pods}
            subjects: [{kind: ServiceAccount, name: runner}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: cronjob-patcher}
            rules: [{apiGroups: [batch], resources: [cronjobs], verbs: [patch]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: scheduler-bot
              annotations: {rampart.test/expect: rbac-create-workloads}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cronjob-patcher}
            subjects: [{kind: User, name: bot}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: scaler}
            rules:
            - {apiGroups: [apps], resources: [deployments/scale], verbs: [patch, update]}
            - {apiGroups: [""], resources: [pods], verbs: [get, list, delete]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: autoscaler}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: scaler}
            subjects: [{kind: User, name: autoscaler}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: wrong-group}
            rules: [{apiGroups: [""], resources: [deployments], verbs: [create]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: core-deployments}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: wrong-group}
            subjects: [{kind: User, name: confused}]
            """)
        .assertExpectations();
  }
}
