package dev.rampart.checks.controlplane;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class ControllerManagerTerminatedPodGcThresholdTest {

  @Test
  void flagsInsecureSettingsAndPassesTheHardenedPod() {
    CheckTester.run(
            new ControllerManagerTerminatedPodGcThreshold(),
            ControlPlaneFixtures.yaml(
                ControlPlaneFixtures.controllerManager(
                    "gc-default",
                    "controller-manager-terminated-pod-gc-threshold",
                    "!terminated-pod-gc-threshold"),
                ControlPlaneFixtures.controllerManager("hardened", null)))
        .assertExpectations();
  }
}
