package dev.rampart.checks.version;

import static dev.rampart.checks.controlplane.ControlPlaneFixtures.API_SERVER;
import static dev.rampart.checks.controlplane.ControlPlaneFixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import dev.rampart.checks.Finding;
import dev.rampart.checks.controlplane.Component;
import org.junit.jupiter.api.Test;

class KubernetesVulnerableVersionTest {

  /** An API server without DenyServiceExternalIPs, so that CVE-2020-8554 stays open. */
  private static CheckTester scan(String tag, String... overrides) {
    String[] flags = new String[overrides.length + 1];
    flags[0] = "--enable-admission-plugins=NodeRestriction";
    System.arraycopy(overrides, 0, flags, 1, overrides.length);
    return CheckTester.run(
        new KubernetesVulnerableVersion(),
        pod(Component.KUBE_APISERVER, "kube-apiserver-cp-1", null, tag, API_SERVER, flags),
        VersionFixtures.on("2024-05-01"));
  }

  @Test
  void reportsEachCveThatAffectsTheVersion() {
    CheckTester t = scan("v1.29.3");
    assertThat(t.findings())
        .extracting(f -> f.evidence().path())
        .containsExactlyInAnyOrder(
            "spec.containers[0].image#CVE-2020-8554", "spec.containers[0].image#CVE-2024-3177");
    Finding fixed =
        t.findings().stream()
            .filter(f -> f.evidence().path().endsWith("3177"))
            .findFirst()
            .orElseThrow();
    assertThat(fixed.message())
        .isEqualTo(
            "kube-apiserver v1.29.3 (from the kube-apiserver image tag of"
                + " Pod/kube-system/kube-apiserver-cp-1) is affected by CVE-2024-3177 (high): title"
                + " of CVE-2024-3177; fixed in 1.29.4");
    Finding unfixed =
        t.findings().stream()
            .filter(f -> f.evidence().path().endsWith("8554"))
            .findFirst()
            .orElseThrow();
    assertThat(unfixed.message()).contains("no release fixes it");
  }

  @Test
  void aPatchedVersionOnlyKeepsTheUnfixableOne() {
    assertThat(scan("v1.29.4").findings())
        .singleElement()
        .satisfies(f -> assertThat(f.evidence().path()).endsWith("CVE-2020-8554"));
  }

  @Test
  void aMitigationTheFlagsShowRemovesTheFinding() {
    CheckTester t =
        scan("v1.29.4", "--enable-admission-plugins=NodeRestriction,DenyServiceExternalIPs");
    assertThat(t.findings()).isEmpty();
    assertThat(t.tally().passed()).isEqualTo(1);
  }

  @Test
  void anEndedLineWithoutAFixSaysToUpgrade() {
    assertThat(scan("v1.26.5").findings())
        .filteredOn(f -> f.evidence().path().endsWith("CVE-2024-3177"))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("fixed in 1.27.13"));
  }
}
