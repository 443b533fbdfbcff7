package dev.rampart.checks.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import dev.rampart.checks.Finding;
import org.junit.jupiter.api.Test;

class NamespaceWithoutDefaultDenyIngressTest {

  static String namespace(String name, String expect) {
    return "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: "
        + name
        + (expect == null ? "" : "\n  annotations: {rampart.test/expect: " + expect + "}")
        + "\n";
  }

  static String pod(String ns, String name, String labels) {
    return "apiVersion: v1\nkind: Pod\nmetadata: {name: "
        + name
        + ", namespace: "
        + ns
        + ", labels: {"
        + labels
        + "}}\nspec: {containers: [{name: c, image: app:1}]}\n";
  }

  static String policy(String ns, String name, String spec) {
    return "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: "
        + name
        + ", namespace: "
        + ns
        + "}\nspec:\n"
        + spec.indent(2);
  }

  @Test
  void aNamespaceRunningPodsNeedsANamespaceWideIngressPolicy() {
    String id = "namespace-without-default-deny-ingress";
    CheckTester t =
        CheckTester.run(
            new NamespaceWithoutDefaultDenyIngress(),
            String.join(
                "---\n",
                namespace("open", id),
                pod("open", "web", "app: web"),
                namespace("denied", null),
                pod("denied", "web", "app: web"),
                policy("denied", "default-deny", "podSelector: {}\npolicyTypes: [Ingress]"),
                policy(
                    "denied",
                    "allow-web",
                    "podSelector: {matchLabels: {app: web}}\n"
                        + "ingress: [{from: [{podSelector: {}}], ports: [{port: 8080}]}]"),
                namespace("reopened", id),
                pod("reopened", "web", "app: web"),
                policy("reopened", "isolate-then-open", "podSelector: {}\ningress: [{}]"),
                namespace("partial", id),
                pod("partial", "web", "app: web"),
                policy("partial", "web-only", "podSelector: {matchLabels: {app: web}}"),
                namespace("egress-only", id),
                pod("egress-only", "web", "app: web"),
                policy("egress-only", "deny-egress", "podSelector: {}\npolicyTypes: [Egress]"),
                namespace("empty", null),
                namespace("cilium", null),
                pod("cilium", "web", "app: web"),
                """
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: l7, namespace: cilium}
                spec: {endpointSelector: {}}
                """));
    t.assertExpectations();
    assertThat(t.tally().notApplicable()).isEqualTo(1);
    assertThat(t.tally().notEvaluated())
        .containsExactly(
            "namespace cilium: Cilium policy CiliumNetworkPolicy/cilium/l7 also applies, and"
                + " Rampart does not evaluate Cilium policies");
    Finding reopened =
        t.findings().stream().filter(f -> f.resource().name().equals("reopened")).findFirst().get();
    assertThat(reopened.message())
        .contains("reopened/isolate-then-open isolates every pod")
        .contains("no from: every source");
    assertThat(reopened.evidence().path()).isEqualTo("spec.ingress[0]");
    Finding partial =
        t.findings().stream().filter(f -> f.resource().name().equals("partial")).findFirst().get();
    assertThat(partial.message())
        .isEqualTo(
            "no NetworkPolicy with an empty podSelector isolates namespace partial for ingress;"
                + " its current pods are isolated by other policies, new pods will not be");
  }

  @Test
  void aNamespaceWithoutItsObjectIsReportedOnAStandIn() {
    CheckTester t =
        CheckTester.run(new NamespaceWithoutDefaultDenyIngress(), pod("shop", "web", "app: web"));
    assertThat(t.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.resource().kind()).isEqualTo("Namespace");
              assertThat(f.resource().name()).isEqualTo("shop");
              assertThat(f.location()).isNull();
              assertThat(f.evidence().value()).isEqualTo("shop/Pod/web");
            });
  }

  @Test
  void hostNetworkPodsAloneMakeANamespaceNotApplicable() {
    CheckTester t =
        CheckTester.run(
            new NamespaceWithoutDefaultDenyIngress(),
            namespace("nodes", null)
                + "---\n"
                + """
                apiVersion: v1
                kind: Pod
                metadata: {name: agent, namespace: nodes}
                spec: {hostNetwork: true, containers: [{name: c, image: agent:1}]}
                """);
    t.assertExpectations();
    assertThat(t.tally().notApplicable()).isEqualTo(1);
  }
}
