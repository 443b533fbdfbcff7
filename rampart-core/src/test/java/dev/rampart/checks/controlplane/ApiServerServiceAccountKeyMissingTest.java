package dev.rampart.checks.controlplane;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class ApiServerServiceAccountKeyMissingTest {

  @Test
  void flagsInsecureSettingsAndPassesTheHardenedPod() {
    CheckTester.run(
            new ApiServerServiceAccountKeyMissing(),
            ControlPlaneFixtures.yaml(
                ControlPlaneFixtures.apiServer(
                    "no-sa-key",
                    "apiserver-service-account-key-missing",
                    "!service-account-key-file"),
                ControlPlaneFixtures.apiServer("hardened", null)))
        .assertExpectations();
  }
}
