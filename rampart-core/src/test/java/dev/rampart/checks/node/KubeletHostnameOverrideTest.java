package dev.rampart.checks.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class KubeletHostnameOverrideTest {

  @Test
  void isNeverPassedOnlyNotEvaluated() {
    CheckTester t =
        CheckTester.run(
            new KubeletHostnameOverride(),
            KubeletFixtures.yaml(
                KubeletFixtures.node("a", "linux"), KubeletFixtures.config("a", null)));
    assertThat(t.findings()).isEmpty();
    assertThat(t.tally().passed()).isZero();
    assertThat(t.tally().notEvaluated()).singleElement().asString().contains("CIS 4.2.7");
  }
}
