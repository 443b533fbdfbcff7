package dev.rampart.checks.controlplane;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class ApiServerAuditLogRetentionTest {

  @Test
  void flagsInsecureSettingsAndPassesTheHardenedPod() {
    CheckTester.run(
            new ApiServerAuditLogRetention(),
            ControlPlaneFixtures.yaml(
                ControlPlaneFixtures.apiServer(
                    "short-age", "apiserver-audit-log-retention", "--audit-log-maxage=7"),
                ControlPlaneFixtures.apiServer(
                    "no-backup-limit", "apiserver-audit-log-retention", "!audit-log-maxbackup"),
                ControlPlaneFixtures.apiServer(
                    "small-files", "apiserver-audit-log-retention", "--audit-log-maxsize=10"),
                ControlPlaneFixtures.apiServer(
                    "stdout", null, "--audit-log-path=-", "!audit-log-maxage"),
                ControlPlaneFixtures.apiServer(
                    "no-file", null, "!audit-log-path", "!audit-log-maxage"),
                ControlPlaneFixtures.apiServer("hardened", null)))
        .assertExpectations();
  }
}
