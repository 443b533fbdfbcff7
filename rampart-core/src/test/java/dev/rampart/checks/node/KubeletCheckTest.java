package dev.rampart.checks.node;

import static dev.rampart.checks.node.KubeletFixtures.config;
import static dev.rampart.checks.node.KubeletFixtures.node;
import static dev.rampart.checks.node.KubeletFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import dev.rampart.checks.Finding;
import org.junit.jupiter.api.Test;

/** What every kubelet check shares: nodes without a configuration, evidence, other kinds. */
class KubeletCheckTest {

  @Test
  void nodesWithoutAConfigurationAreNotEvaluatedOnceWithTheReason() {
    CheckTester t =
        CheckTester.run(
            new KubeletReadOnlyPort(),
            yaml(
                node("a", "linux"),
                node("b", "linux"),
                node("c", "linux"),
                node("d", "linux"),
                node("e", "linux"),
                config("a", null)));
    assertThat(t.tally().passed()).isEqualTo(1);
    assertThat(t.tally().notEvaluated())
        .containsExactly(
            "kubelet configuration not available: needs nodes/proxy get, or a live scan (4 of 5"
                + " nodes: b, c, d and 1 more)");
  }

  @Test
  void withoutNodesOrConfigurationsTheCheckSaysSo() {
    CheckTester t =
        CheckTester.run(
            new KubeletAnonymousAuth(),
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: y}\n");
    assertThat(t.tally().notEvaluated())
        .singleElement()
        .asString()
        .startsWith("no Node or KubeletConfiguration in the input");
  }

  @Test
  void theFindingIsOnTheConfigurationAtTheField() {
    Finding f =
        CheckTester.run(new KubeletReadOnlyPort(), config("worker-3", null, "readOnlyPort", 10255))
            .findings()
            .get(0);
    assertThat(f.resource().kind()).isEqualTo("KubeletConfiguration");
    assertThat(f.resource().name()).isEqualTo("worker-3");
    assertThat(f.evidence().path()).isEqualTo("readOnlyPort");
    assertThat(f.evidence().value()).isEqualTo("readOnlyPort=10255");
    assertThat(f.message())
        .isEqualTo(
            "the kubelet on worker-3 serves the unauthenticated read-only API: readOnlyPort is"
                + " 10255");
  }

  @Test
  void ignoresObjectsOfTheSameKindFromOtherGroups() {
    CheckTester t =
        CheckTester.run(
            new KubeletAnonymousAuth(),
            """
            apiVersion: example.com/v1
            kind: KubeletConfiguration
            metadata: {name: not-a-kubelet}
            authentication: {anonymous: {enabled: true}}
            """);
    assertThat(t.findings()).isEmpty();
  }
}
