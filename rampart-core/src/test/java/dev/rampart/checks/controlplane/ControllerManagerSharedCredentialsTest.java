package dev.rampart.checks.controlplane;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class ControllerManagerSharedCredentialsTest {

  @Test
  void flagsInsecureSettingsAndPassesTheHardenedPod() {
    CheckTester.run(
            new ControllerManagerSharedCredentials(),
            ControlPlaneFixtures.yaml(
                ControlPlaneFixtures.controllerManager(
                    "shared-explicit",
                    "controller-manager-shared-credentials",
                    "--use-service-account-credentials=false"),
                ControlPlaneFixtures.controllerManager(
                    "shared-default",
                    "controller-manager-shared-credentials",
                    "!use-service-account-credentials"),
                ControlPlaneFixtures.controllerManager("hardened", null)))
        .assertExpectations();
  }
}
