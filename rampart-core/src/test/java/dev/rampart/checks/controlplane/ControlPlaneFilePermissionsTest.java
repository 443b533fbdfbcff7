package dev.rampart.checks.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class ControlPlaneFilePermissionsTest {

  @Test
  void isNeverPassedOnlyNotEvaluated() {
    CheckTester t =
        CheckTester.run(
            new ControlPlaneFilePermissions(), ControlPlaneFixtures.apiServer("api", null));
    assertThat(t.findings()).isEmpty();
    assertThat(t.tally().passed()).isZero();
    assertThat(t.tally().notEvaluated()).singleElement().asString().contains("CIS 1.1.1 to 1.1.21");
  }

  @Test
  void isNotApplicableOnAManagedControlPlane() {
    CheckTester t =
        CheckTester.run(
            new ControlPlaneFilePermissions(),
            """
            apiVersion: v1
            kind: Node
            metadata:
              name: gke-shop-default-pool-1a2b3c4d-x1y2
              labels: {cloud.google.com/gke-nodepool: default-pool}
            """);
    assertThat(t.tally().notApplicable()).isEqualTo(1);
    assertThat(t.tally().notEvaluated()).isEmpty();
  }
}
