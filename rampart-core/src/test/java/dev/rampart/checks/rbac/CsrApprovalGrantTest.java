package dev.rampart.checks.rbac;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class CsrApprovalGrantTest {

  @Test
  void flagsApprovalAndSigningButNotCreation() {
    CheckTester.run(
            new CsrApprovalGrant(),
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: approver}
            rules:
            - {apiGroups: [certificates.k8s.io], resources: [certificatesigningrequests/approval], verbs: [update]}
            - {apiGroups: [certificates.k8s.io], resources: [signers], resourceNames: ["example.com/*"], verbs: [approve]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: approver
              annotations: {rampart.test/expect: rbac-approve-csr}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: approver}
            subjects: [{kind: ServiceAccount, name: approver, namespace: pki}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: signer}
            rules: [{apiGroups: [certificates.k8s.io], resources: [signers], verbs: [sign]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: signer
              annotations: {rampart.test/expect: rbac-approve-csr}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: signer}
            subjects: [{kind: ServiceAccount, name: signer, namespace: pki}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: requester}
            rules: [{apiGroups: [certificates.k8s.io], resources: [certificatesigningrequests], verbs: [create, get]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: requester}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: requester}
            subjects: [{kind: Group, name: "system:bootstrappers"}]
            """)
        .assertExpectations();
  }
}
