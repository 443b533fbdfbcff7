package dev.rampart.checks.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import dev.rampart.checks.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkPolicyAllowsAllTest {

  private static final String EXPECT = "rampart.test/expect: network-policy-allows-all";

  @Test
  void flagsRulesThatAllowEveryPortFromOrToAnywhere() {
    CheckTester t =
        CheckTester.run(
            new NetworkPolicyAllowsAll(),
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: empty-rule, namespace: a, annotations: {EXPECT}}
            spec: {podSelector: {}, ingress: [{}]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: empty-from, namespace: a, annotations: {EXPECT}}
            spec: {podSelector: {}, ingress: [{from: []}]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: whole-internet, namespace: a, annotations: {EXPECT}}
            spec:
              podSelector: {matchLabels: {app: web}}
              ingress:
              - from: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: every-namespace, namespace: a, annotations: {EXPECT}}
            spec:
              podSelector: {}
              ingress: [{from: [{namespaceSelector: {}}]}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: egress-anywhere, namespace: a, annotations: {EXPECT}}
            spec:
              podSelector: {}
              policyTypes: [Egress]
              egress: [{to: [{ipBlock: {cidr: "::/0"}}]}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: public-https, namespace: a}
            spec:
              podSelector: {matchLabels: {app: web}}
              ingress: [{ports: [{port: 443}]}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: named-sources, namespace: a}
            spec:
              podSelector: {}
              ingress:
              - from: [{namespaceSelector: {}, podSelector: {matchLabels: {app: api}}}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: ignored-direction, namespace: a}
            spec:
              podSelector: {}
              policyTypes: [Ingress]
              egress: [{}]
            ---
            apiVersion: projectcalico.org/v3
            kind: NetworkPolicy
            metadata: {name: calico, namespace: a}
            spec: {selector: all(), ingress: [{action: Allow}]}
            """
                .replace("EXPECT", EXPECT));
    t.assertExpectations();
    assertThat(t.tally().passed()).isEqualTo(3);
    Finding internet =
        t.findings().stream()
            .filter(f -> f.resource().name().equals("whole-internet"))
            .findFirst()
            .orElseThrow();
    assertThat(internet.evidence().path()).isEqualTo("spec.ingress[0]");
    assertThat(internet.evidence().value())
        .isEqualTo("ipBlock 0.0.0.0/0 except 10.0.0.0/8: the whole internet");
    assertThat(internet.message())
        .isEqualTo(
            "ingress rule 1 allows every port from anywhere for the pods it selects (app=web)");
    assertThat(t.findings().stream().map(f -> f.evidence().path()).toList())
        .containsAll(List.of("spec.egress[0]"));
  }
}
