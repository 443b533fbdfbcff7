package dev.rampart.checks.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import dev.rampart.checks.Finding;
import org.junit.jupiter.api.Test;

class SecretsReadGrantTest {

  @Test
  void flagsBindingsThatGrantReadingSecretsAndNamesTheSubjectAndItsWorkloads() {
    CheckTester t =
        CheckTester.run(
                new SecretsReadGrant(),
                """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: secret-lister}
                rules: [{apiGroups: [""], resources: [secrets, configmaps], verbs: [list, watch]}]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata:
                  name: lister
                  annotations: {rampart.test/expect: rbac-read-secrets}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: secret-lister}
                subjects: [{kind: ServiceAccount, name: agent, namespace: ops}]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata: {name: named-secret, namespace: shop}
                rules: [{apiGroups: [""], resources: [secrets], resourceNames: [db], verbs: [get]}]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata: {name: least-privilege, namespace: shop}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: named-secret}
                subjects: [{kind: ServiceAccount, name: web, namespace: shop}]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata: {name: wildcard-core, namespace: shop}
                rules: [{apiGroups: [""], resources: ["*"], verbs: [get]}]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata:
                  name: wildcard
                  namespace: shop
                  annotations: {rampart.test/expect: rbac-read-secrets}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: wildcard-core}
                subjects: [{kind: User, name: bob}]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata: {name: writer, namespace: shop}
                rules: [{apiGroups: [""], resources: [secrets], verbs: [create, update]}]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata: {name: write-only, namespace: shop}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: writer}
                subjects: [{kind: User, name: bob}]
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: agent, namespace: ops}
                spec:
                  selector: {matchLabels: {app: agent}}
                  template:
                    metadata: {labels: {app: agent}}
                    spec: {serviceAccountName: agent, containers: [{name: a, image: agent:1}]}
                """)
            .assertExpectations();
    Finding f =
        t.findings().stream()
            .filter(x -> x.resource().name().equals("lister"))
            .findFirst()
            .orElseThrow();
    assertThat(f.evidence().path()).isEqualTo("subjects[0]");
    assertThat(f.evidence().value()).isEqualTo("ServiceAccount ops/agent");
    assertThat(f.message())
        .startsWith("ServiceAccount ops/agent can read Secrets cluster-wide: list,watch secrets")
        .contains("in ClusterRole/secret-lister")
        .endsWith("its token is mounted in running workloads: Deployment/ops/agent");
  }

  @Test
  void followsAggregationAndReportsEachSubjectOnce() {
    CheckTester t =
        CheckTester.run(
            new SecretsReadGrant(),
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: monitoring}
            aggregationRule: {clusterRoleSelectors: [{matchLabels: {to-monitoring: "true"}}]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: monitoring-config, labels: {to-monitoring: "true"}}
            rules: [{apiGroups: [""], resources: [secrets], verbs: [get]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: prometheus
              annotations: {rampart.test/expect: rbac-read-secrets}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: monitoring}
            subjects:
            - {kind: ServiceAccount, name: prometheus, namespace: mon}
            - {kind: Group, name: "system:serviceaccounts:mon"}
            """);
    t.assertExpectations();
    assertThat(t.findings()).hasSize(2);
    assertThat(t.findings().get(0).message())
        .contains("(aggregated from ClusterRole/monitoring-config) in ClusterRole/monitoring");
    assertThat(t.findings().get(1).message())
        .startsWith("Group system:serviceaccounts:mon (every service account of namespace mon)");
  }

  @Test
  void builtInBindingsAndAdminsAreLeftToOtherChecks() {
    CheckTester t =
        CheckTester.run(
            new SecretsReadGrant(),
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: cluster-admin}
            rules: [{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: cluster-admin}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
            subjects: [{kind: Group, name: "system:masters"}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: ops-admin}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
            subjects: [{kind: User, name: ops}]
            """);
    t.assertExpectations();
    assertThat(t.tally().notApplicable())
        .as("the built-in binding, and the admin's, which cluster-admin-binding reports")
        .isEqualTo(2);
    assertThat(t.tally().passed()).as("an admin can read secrets: not a pass").isZero();
  }
}
