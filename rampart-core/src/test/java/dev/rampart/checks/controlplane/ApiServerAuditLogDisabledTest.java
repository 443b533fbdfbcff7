package dev.rampart.checks.controlplane;

import static dev.rampart.checks.controlplane.ControlPlaneFixtures.apiServer;
import static dev.rampart.checks.controlplane.ControlPlaneFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class ApiServerAuditLogDisabledTest {

  private static final String ID = "apiserver-audit-log-disabled";

  @Test
  void needsBothAPolicyAndABackend() {
    CheckTester.run(
            new ApiServerAuditLogDisabled(),
            yaml(
                apiServer("no-audit", ID, "!audit-log-path", "!audit-policy-file"),
                apiServer("path-without-policy", ID, "!audit-policy-file"),
                apiServer("policy-without-backend", ID, "!audit-log-path"),
                apiServer(
                    "webhook-backend",
                    null,
                    "!audit-log-path",
                    "--audit-webhook-config-file=/etc/kubernetes/audit-webhook.yaml"),
                apiServer("hardened", null)))
        .assertExpectations();
  }

  @Test
  void thePolicyContentsAreNotEvaluated() {
    CheckTester t = CheckTester.run(new ApiServerAuditLogDisabled(), apiServer("hardened", null));
    assertThat(t.tally().passed()).isEqualTo(1);
    assertThat(t.tally().notEvaluated())
        .singleElement()
        .asString()
        .contains("CIS 3.2.2")
        .contains("/etc/kubernetes/audit-policy.yaml");
  }
}
