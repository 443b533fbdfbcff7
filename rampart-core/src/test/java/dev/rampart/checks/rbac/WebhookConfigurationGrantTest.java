package dev.rampart.checks.rbac;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class WebhookConfigurationGrantTest {

  @Test
  void flagsChangesToWebhookConfigurationsButNotReading() {
    CheckTester.run(
            new WebhookConfigurationGrant(),
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: policy-admin}
            rules: [{apiGroups: [admissionregistration.k8s.io], resources: [validatingwebhookconfigurations], verbs: [delete]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: policy-admin
              annotations: {rampart.test/expect: rbac-webhook-configuration}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: policy-admin}
            subjects: [{kind: User, name: intern}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: injector}
            rules: [{apiGroups: ["*"], resources: [mutatingwebhookconfigurations], verbs: [create]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: injector
              annotations: {rampart.test/expect: rbac-webhook-configuration}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: injector}
            subjects: [{kind: ServiceAccount, name: injector, namespace: mesh}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: webhook-reader}
            rules: [{apiGroups: [admissionregistration.k8s.io], resources: [mutatingwebhookconfigurations, validatingwebhookconfigurations], verbs: [get, list, watch]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: webhook-reader}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: webhook-reader}
            subjects: [{kind: User, name: auditor}]
            """)
        .assertExpectations();
  }
}
