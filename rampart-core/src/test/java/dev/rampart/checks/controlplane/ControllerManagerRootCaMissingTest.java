package dev.rampart.checks.controlplane;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class ControllerManagerRootCaMissingTest {

  @Test
  void flagsInsecureSettingsAndPassesTheHardenedPod() {
    CheckTester.run(
            new ControllerManagerRootCaMissing(),
            ControlPlaneFixtures.yaml(
                ControlPlaneFixtures.controllerManager(
                    "no-root-ca", "controller-manager-root-ca-missing", "!root-ca-file"),
                ControlPlaneFixtures.controllerManager("hardened", null)))
        .assertExpectations();
  }
}
