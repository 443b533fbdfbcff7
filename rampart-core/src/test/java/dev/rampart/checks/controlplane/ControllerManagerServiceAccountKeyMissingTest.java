package dev.rampart.checks.controlplane;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class ControllerManagerServiceAccountKeyMissingTest {

  @Test
  void flagsInsecureSettingsAndPassesTheHardenedPod() {
    CheckTester.run(
            new ControllerManagerServiceAccountKeyMissing(),
            ControlPlaneFixtures.yaml(
                ControlPlaneFixtures.controllerManager(
                    "no-signing-key",
                    "controller-manager-service-account-key-missing",
                    "!service-account-private-key-file"),
                ControlPlaneFixtures.controllerManager("hardened", null)))
        .assertExpectations();
  }
}
