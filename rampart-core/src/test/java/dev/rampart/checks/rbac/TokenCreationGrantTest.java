package dev.rampart.checks.rbac;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class TokenCreationGrantTest {

  @Test
  void flagsCreatingServiceAccountTokens() {
    CheckTester.run(
            new TokenCreationGrant(),
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: minter, namespace: shop}
            rules: [{apiGroups: [""], resources: [serviceaccounts/token], verbs: [create]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: minter
              namespace: shop
              annotations: {rampart.test/expect: rbac-create-tokens}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: minter}
            subjects: [{kind: User, name: vault}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: sa-reader, namespace: shop}
            rules: [{apiGroups: [""], resources: [serviceaccounts], verbs: [get, create]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: sa-reader, namespace: shop}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: sa-reader}
            subjects: [{kind: User, name: vault}]
            """)
        .assertExpectations();
  }
}
