package dev.rampart.checks.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class NodeFilePermissionsTest {

  @Test
  void isNeverPassedOnlyNotEvaluated() {
    CheckTester t = CheckTester.run(new NodeFilePermissions(), KubeletFixtures.node("a", "linux"));
    assertThat(t.findings()).isEmpty();
    assertThat(t.tally().passed()).isZero();
    assertThat(t.tally().notEvaluated()).singleElement().asString().contains("CIS 4.1.1 to 4.1.10");
  }
}
