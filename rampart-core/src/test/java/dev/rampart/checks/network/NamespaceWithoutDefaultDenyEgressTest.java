package dev.rampart.checks.network;

import static dev.rampart.checks.network.NamespaceWithoutDefaultDenyIngressTest.namespace;
import static dev.rampart.checks.network.NamespaceWithoutDefaultDenyIngressTest.pod;
import static dev.rampart.checks.network.NamespaceWithoutDefaultDenyIngressTest.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class NamespaceWithoutDefaultDenyEgressTest {

  @Test
  void aNamespaceRunningPodsNeedsANamespaceWideEgressPolicy() {
    String id = "namespace-without-default-deny-egress";
    CheckTester t =
        CheckTester.run(
            new NamespaceWithoutDefaultDenyEgress(),
            String.join(
                "---\n",
                namespace("open", id),
                pod("open", "web", "app: web"),
                namespace("ingress-only", id),
                pod("ingress-only", "web", "app: web"),
                policy("ingress-only", "deny", "podSelector: {}\npolicyTypes: [Ingress]"),
                namespace("denied", null),
                pod("denied", "web", "app: web"),
                // Egress rules without policyTypes make the policy an Egress policy too.
                policy(
                    "denied",
                    "dns-only",
                    "podSelector: {}\n"
                        + "egress: [{ports: [{port: 53, protocol: UDP}, {port: 53}]}]"),
                namespace("reopened", id),
                pod("reopened", "web", "app: web"),
                policy(
                    "reopened",
                    "anywhere",
                    "podSelector: {}\npolicyTypes: [Egress]\n"
                        + "egress: [{to: [{ipBlock: {cidr: 0.0.0.0/0}}]}]")));
    t.assertExpectations();
    assertThat(t.findings())
        .filteredOn(f -> f.resource().name().equals("reopened"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.evidence().value())
                    .isEqualTo("ipBlock 0.0.0.0/0: the whole internet"));
  }
}
