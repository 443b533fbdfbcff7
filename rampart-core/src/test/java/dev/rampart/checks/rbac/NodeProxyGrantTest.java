package dev.rampart.checks.rbac;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class NodeProxyGrantTest {

  @Test
  void flagsNodesProxyButNotNodeMetrics() {
    CheckTester.run(
            new NodeProxyGrant(),
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: kubelet-api}
            rules: [{apiGroups: [""], resources: [nodes/proxy], verbs: [get]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: scraper
              annotations: {rampart.test/expect: rbac-nodes-proxy}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: kubelet-api}
            subjects: [{kind: ServiceAccount, name: scraper, namespace: mon}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: namespaced-nodes-proxy, namespace: mon}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: kubelet-api}
            subjects: [{kind: ServiceAccount, name: scraper, namespace: mon}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: metrics}
            rules: [{apiGroups: [""], resources: [nodes/metrics, nodes/stats, nodes], verbs: [get]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: metrics}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: metrics}
            subjects: [{kind: ServiceAccount, name: scraper, namespace: mon}]
            """)
        .assertExpectations();
  }
}
