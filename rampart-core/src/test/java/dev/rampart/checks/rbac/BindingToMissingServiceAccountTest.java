package dev.rampart.checks.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class BindingToMissingServiceAccountTest {

  @Test
  void flagsSubjectsThatAreMissingServiceAccounts() {
    CheckTester t =
        CheckTester.run(
            new BindingToMissingServiceAccount(),
            """
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: redis, namespace: data}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: backup-agent
              annotations: {rampart.test/expect: rbac-binding-to-missing-service-account}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
            subjects:
            - {kind: ServiceAccount, name: redis, namespace: data}
            - {kind: ServiceAccount, name: backup-agent, namespace: data}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: present, namespace: data}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
            subjects:
            - {kind: ServiceAccount, name: redis}
            - {kind: ServiceAccount, name: default}
            - {kind: User, name: someone}
            """);
    t.assertExpectations();
    assertThat(t.findings()).hasSize(1);
    assertThat(t.findings().get(0).evidence().path()).isEqualTo("subjects[1]");
  }

  @Test
  void isNotEvaluatedWithoutServiceAccountsInTheInput() {
    CheckTester t =
        CheckTester.run(
            new BindingToMissingServiceAccount(),
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: app, namespace: shop}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
            subjects: [{kind: ServiceAccount, name: app}]
            """);
    assertThat(t.findings()).isEmpty();
    assertThat(t.tally().notEvaluated()).hasSize(1);
  }
}
