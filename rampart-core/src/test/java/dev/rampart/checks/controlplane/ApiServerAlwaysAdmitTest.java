package dev.rampart.checks.controlplane;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class ApiServerAlwaysAdmitTest {

  @Test
  void flagsInsecureSettingsAndPassesTheHardenedPod() {
    CheckTester.run(
            new ApiServerAlwaysAdmit(),
            ControlPlaneFixtures.yaml(
                ControlPlaneFixtures.apiServer(
                    "always-admit",
                    "apiserver-always-admit",
                    "--enable-admission-plugins=NodeRestriction,AlwaysAdmit"),
                ControlPlaneFixtures.apiServer("hardened", null)))
        .assertExpectations();
  }
}
