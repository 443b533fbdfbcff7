package dev.rampart.checks.rbac;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class DefaultServiceAccountGrantTest {

  @Test
  void flagsGrantsToDefaultServiceAccountsAndToNamespaceGroups() {
    CheckTester.run(
            new DefaultServiceAccountGrant(),
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: default-edit
              namespace: checkout
              annotations: {rampart.test/expect: rbac-default-service-account}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
            subjects: [{kind: ServiceAccount, name: default}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: all-of-storefront
              namespace: payments
              annotations: {rampart.test/expect: rbac-default-service-account}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
            subjects: [{kind: Group, name: "system:serviceaccounts:storefront"}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: dedicated, namespace: checkout}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
            subjects: [{kind: ServiceAccount, name: order-service, namespace: checkout}]
            """)
        .assertExpectations();
  }
}
