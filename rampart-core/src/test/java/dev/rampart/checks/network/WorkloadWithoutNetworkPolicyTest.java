package dev.rampart.checks.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class WorkloadWithoutNetworkPolicyTest {

  @Test
  void flagsWorkloadsNoPolicySelectsInEitherDirection() {
    CheckTester t =
        CheckTester.run(
                new WorkloadWithoutNetworkPolicy(),
                """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: unguarded
              namespace: shop
              annotations: {rampart.test/expect: workload-without-network-policy}
            spec:
              selector: {matchLabels: {app: unguarded}}
              template:
                metadata: {labels: {app: unguarded}}
                spec: {containers: [{name: c, image: app:1}]}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: ingress-guarded, namespace: shop}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: c, image: app:1}]}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: egress-guarded, namespace: shop}
            spec:
              selector: {matchLabels: {app: batch}}
              template:
                metadata: {labels: {app: batch}}
                spec: {containers: [{name: c, image: app:1}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: other-namespace
              namespace: tools
              labels: {app: web}
              annotations: {rampart.test/expect: workload-without-network-policy}
            spec: {containers: [{name: c, image: app:1}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: host, namespace: shop}
            spec: {hostNetwork: true, containers: [{name: c, image: app:1}]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: web, namespace: shop}
            spec: {podSelector: {matchLabels: {app: web}}}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: batch, namespace: shop}
            spec: {podSelector: {matchLabels: {app: batch}}, policyTypes: [Egress]}
            """)
            .assertExpectations();
    assertThat(t.tally().notApplicable()).isEqualTo(1);
    assertThat(t.tally().passed()).isEqualTo(2);
  }

  @Test
  void workloadsOfNamespacesWithCniPoliciesAreNotEvaluated() {
    CheckTester t =
        CheckTester.run(
            new WorkloadWithoutNetworkPolicy(),
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: shop}
            spec: {containers: [{name: c, image: app:1}]}
            ---
            apiVersion: crd.projectcalico.org/v1
            kind: GlobalNetworkPolicy
            metadata: {name: default-deny}
            spec: {selector: all()}
            """);
    assertThat(t.findings()).isEmpty();
    assertThat(t.tally().notEvaluated())
        .containsExactly(
            "namespace shop: Calico policy GlobalNetworkPolicy/default-deny (cluster-wide) also"
                + " applies, and Rampart does not evaluate Calico policies");
  }
}
