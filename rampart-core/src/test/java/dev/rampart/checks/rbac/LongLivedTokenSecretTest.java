package dev.rampart.checks.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class LongLivedTokenSecretTest {

  @Test
  void flagsTokenSecretsAndSaysWhenTheyAreAnAdminsToken() {
    CheckTester t =
        CheckTester.run(
            new LongLivedTokenSecret(),
            """
            apiVersion: v1
            kind: Secret
            metadata:
              name: legacy-admin-token
              namespace: kube-system
              annotations:
                kubernetes.io/service-account.name: legacy-admin
                rampart.test/expect: rbac-long-lived-token-secret
            type: kubernetes.io/service-account-token
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: deployer-token
              namespace: ci
              annotations:
                kubernetes.io/service-account.name: deployer
                rampart.test/expect: rbac-long-lived-token-secret
            type: kubernetes.io/service-account-token
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: db, namespace: ci}
            type: Opaque
            stringData: {password: FAKE}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: cluster-admin}
            rules: [{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: legacy-admin}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
            subjects: [{kind: ServiceAccount, name: legacy-admin, namespace: kube-system}]
            """);
    t.assertExpectations();
    assertThat(t.findings())
        .extracting(f -> f.message())
        .containsExactly(
            "Secret kube-system/legacy-admin-token holds a token that never expires for"
                + " ServiceAccount kube-system/legacy-admin, which is cluster-admin (every verb on"
                + " every resource cluster-wide via ClusterRoleBinding/legacy-admin ->"
                + " ClusterRole/cluster-admin)",
            "Secret ci/deployer-token holds a token that never expires for ServiceAccount"
                + " ci/deployer");
  }
}
