package dev.rampart.checks.namespace;

import static dev.rampart.checks.controlplane.ControlPlaneFixtures.apiServer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import dev.rampart.checks.Finding;
import org.junit.jupiter.api.Test;

class NamespacePodSecurityNotEnforcedTest {

  private static final String ID = "namespace-pod-security-not-enforced";

  private static String ns(String name, String expect, String labels) {
    return """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: %s
          labels: {%s}
          annotations: {rampart.test/expect: "%s"}
        """
        .formatted(name, labels, expect == null ? "none" : expect);
  }

  private static final String NAMESPACES =
      String.join(
          "---\n",
          ns("unlabelled", ID, ""),
          ns(
              "warn-only",
              ID,
              "pod-security.kubernetes.io/warn: restricted, pod-security.kubernetes.io/audit: restricted"),
          ns("privileged", ID, "pod-security.kubernetes.io/enforce: privileged"),
          ns("typo", ID, "pod-security.kubernetes.io/enforce: restrictd"),
          ns("baseline", null, "pod-security.kubernetes.io/enforce: baseline"),
          ns("restricted", null, "pod-security.kubernetes.io/enforce: restricted"),
          ns("kube-system", null, ""),
          ns("kube-node-lease", null, ""));

  @Test
  void flagsUserNamespacesThatDoNotEnforceAndExemptsSystemOnes() {
    CheckTester t =
        CheckTester.run(new NamespacePodSecurityNotEnforced(), NAMESPACES).assertExpectations();
    assertThat(t.tally().notApplicable()).isEqualTo(2);
  }

  @Test
  void proposesALabelPatchAtTheLevelAlreadyWarnedAbout() {
    Finding f =
        CheckTester.run(new NamespacePodSecurityNotEnforced(), NAMESPACES).findings().stream()
            .filter(x -> x.resource().name().equals("warn-only"))
            .findFirst()
            .orElseThrow();
    assertThat(f.message())
        .isEqualTo(
            "namespace warn-only enforces no Pod Security Standard (only warn=restricted,"
                + " audit=restricted)");
    assertThat(f.remediation().patch().content())
        .isEqualTo(
            "{\"metadata\":{\"labels\":{\"pod-security.kubernetes.io/enforce\":\"restricted\"}}}");
    assertThat(f.remediation().patch().command()).startsWith("kubectl patch namespace warn-only");
  }

  @Test
  void aLabelIsWorthNothingWhenTheAdmissionPluginIsOff() {
    CheckTester t =
        CheckTester.run(
            new NamespacePodSecurityNotEnforced(),
            String.join(
                "---\n",
                apiServer("kube-apiserver-cp-1", null, "--disable-admission-plugins=PodSecurity"),
                ns("restricted", ID, "pod-security.kubernetes.io/enforce: restricted")));
    t.assertExpectations();
    assertThat(t.findings().get(0).message())
        .contains("does not run the PodSecurity admission plugin");
  }

  @Test
  void namespacesWithoutAnObjectAreNotEvaluated() {
    CheckTester t =
        CheckTester.run(
            new NamespacePodSecurityNotEnforced(),
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: shop}\n");
    assertThat(t.tally().notEvaluated())
        .containsExactly(
            "no Namespace object in the input for shop: their Pod Security labels are unknown");
  }
}
