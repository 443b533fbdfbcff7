package dev.rampart.checks.controlplane;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class ApiServerEncryptionAtRestMissingTest {

  @Test
  void flagsInsecureSettingsAndPassesTheHardenedPod() {
    CheckTester.run(
            new ApiServerEncryptionAtRestMissing(),
            ControlPlaneFixtures.yaml(
                ControlPlaneFixtures.apiServer(
                    "no-encryption",
                    "apiserver-encryption-at-rest-missing",
                    "!encryption-provider-config"),
                ControlPlaneFixtures.apiServer("hardened", null)))
        .assertExpectations();
  }
}
