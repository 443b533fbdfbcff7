package dev.rampart.checks.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class UnboundPodExecRoleTest {

  @Test
  void flagsRolesThatAllowExecWhileNoBindingGrantsThem() {
    CheckTester t =
        CheckTester.run(
            new UnboundPodExecRole(),
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: debugger
              annotations: {rampart.test/expect: rbac-unbound-pod-exec-role}
            rules:
            - {apiGroups: [""], resources: [pods], verbs: [get, list]}
            - {apiGroups: [""], resources: [pods/exec, pods/attach], verbs: [create]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              name: websocket-exec
              namespace: shop
              annotations: {rampart.test/expect: rbac-unbound-pod-exec-role}
            rules: [{apiGroups: [""], resources: ["*"], verbs: [get]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              name: tunnel
              namespace: shop
              annotations: {rampart.test/expect: rbac-unbound-pod-exec-role}
            rules: [{apiGroups: ["*"], resources: [pods/portforward], verbs: ["*"]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: exec-for-editors
              labels: {rbac.authorization.k8s.io/aggregate-to-edit: "true"}
              annotations: {rampart.test/expect: rbac-unbound-pod-exec-role}
            rules: [{apiGroups: [""], resources: [pods/exec], verbs: [create]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: logs}
            rules: [{apiGroups: [""], resources: [pods/log, pods/exec], verbs: [list]}]
            """);
    t.assertExpectations();
    assertThat(t.findings())
        .extracting(f -> f.message())
        .contains(
            "ClusterRole/debugger allows create pods/exec,pods/attach, and no binding in the input"
                + " grants it yet: whoever it is bound to can exec into, attach to or port-forward"
                + " to pods of every namespace it is bound in",
            "Role/shop/websocket-exec allows get *, and no binding in the input grants it yet:"
                + " whoever it is bound to can exec into, attach to or port-forward to pods of"
                + " namespace shop",
            "ClusterRole/exec-for-editors allows create pods/exec, and no binding in the input"
                + " grants it yet: whoever it is bound to can exec into, attach to or port-forward"
                + " to pods of every namespace it is bound in; its labels fold it into"
                + " ClusterRole/edit, which every cluster has: whoever holds those gets it");
    assertThat(t.findings())
        .filteredOn(f -> f.resource().name().equals("debugger"))
        .singleElement()
        .satisfies(f -> assertThat(f.evidence().path()).isEqualTo("rules[1]"));
  }

  @Test
  void leavesBoundBuiltInAggregatedAndAllPowerfulRolesToOtherChecks() {
    CheckTester t =
        CheckTester.run(
            new UnboundPodExecRole(),
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: exec, namespace: shop}
            rules: [{apiGroups: [""], resources: [pods/exec], verbs: [create]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: devs-exec, namespace: shop}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: exec}
            subjects: [{kind: Group, name: devs}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              name: exec
              namespace: other
              annotations: {rampart.test/expect: rbac-unbound-pod-exec-role}
            rules: [{apiGroups: [""], resources: [pods/exec], verbs: [create]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: nobody, namespace: other}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: exec}
            subjects: []
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: support}
            aggregationRule: {clusterRoleSelectors: [{matchLabels: {to-support: "true"}}]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: support-exec, labels: {to-support: "true"}}
            rules: [{apiGroups: [""], resources: [pods/attach], verbs: [create]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: support}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: support}
            subjects: [{kind: Group, name: support}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: admin}
            rules: [{apiGroups: [""], resources: [pods/exec], verbs: [create]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: "gce:podsecuritypolicy:calico-sa"}
            rules: [{apiGroups: [""], resources: [pods/exec], verbs: [create]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: "system:controller:glbc", namespace: kube-system}
            rules: [{apiGroups: [""], resources: [pods/exec], verbs: [create]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: everything}
            rules: [{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}]
            """);
    t.assertExpectations();
    assertThat(t.tally().notApplicable())
        .as("bound, component of a bound role, 3 built-in, aggregated, everything")
        .isEqualTo(7);
  }
}
