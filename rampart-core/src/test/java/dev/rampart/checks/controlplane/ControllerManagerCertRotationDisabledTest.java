package dev.rampart.checks.controlplane;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class ControllerManagerCertRotationDisabledTest {

  @Test
  void flagsInsecureSettingsAndPassesTheHardenedPod() {
    CheckTester.run(
            new ControllerManagerCertRotationDisabled(),
            ControlPlaneFixtures.yaml(
                ControlPlaneFixtures.controllerManager(
                    "gate-off",
                    "controller-manager-cert-rotation-disabled",
                    "--feature-gates=Foo=true,RotateKubeletServerCertificate=false"),
                ControlPlaneFixtures.controllerManager("gate-default", null, "!feature-gates"),
                ControlPlaneFixtures.controllerManager("hardened", null)))
        .assertExpectations();
  }
}
