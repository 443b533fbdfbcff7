package dev.rampart.checks.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class WildcardRuleTest {

  @Test
  void flagsWildcardRulesOfOrdinaryRoles() {
    CheckTester t =
        CheckTester.run(
            new WildcardRule(),
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: node-debugger
              annotations: {rampart.test/expect: rbac-wildcard-rule}
            rules:
            - {apiGroups: [""], resources: [pods], verbs: [get]}
            - {apiGroups: ["*"], resources: ["*"], verbs: ["*"]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: node-debugger}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: node-debugger}
            subjects: [{kind: ServiceAccount, name: node-debugger, namespace: monitoring}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              name: scaler
              namespace: shop
              annotations: {rampart.test/expect: rbac-wildcard-rule}
            rules: [{apiGroups: [apps], resources: ["*/scale"], verbs: [update]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: all-urls
              annotations: {rampart.test/expect: rbac-wildcard-rule}
            rules: [{nonResourceURLs: ["*"], verbs: [get]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: explicit}
            rules: [{apiGroups: [apps], resources: [deployments], verbs: [get, list]}, {nonResourceURLs: ["/api/*"], verbs: [get]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: cluster-admin}
            rules: [{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: "system:controller:namespace-controller"}
            rules: [{apiGroups: ["*"], resources: ["*"], verbs: [delete, list]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: aggregated}
            aggregationRule: {clusterRoleSelectors: [{matchLabels: {x: "y"}}]}
            rules: [{apiGroups: ["*"], resources: ["*"], verbs: [get]}]
            """);
    t.assertExpectations();
    assertThat(t.findings())
        .filteredOn(f -> f.resource().name().equals("node-debugger"))
        .extracting(f -> f.evidence().path() + ": " + f.message())
        .containsExactly(
            "rules[1]: "
                + "ClusterRole/node-debugger grants * *.*; held by ServiceAccount"
                + " monitoring/node-debugger (ClusterRoleBinding/node-debugger)");
    assertThat(t.findings())
        .filteredOn(f -> f.resource().name().equals("all-urls"))
        .extracting(f -> f.message())
        .containsExactly("ClusterRole/all-urls grants get URLs *; not bound to anyone yet");
  }
}
