package dev.rampart.checks.controlplane;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class ApiServerNodeRestrictionMissingTest {

  @Test
  void flagsInsecureSettingsAndPassesTheHardenedPod() {
    CheckTester.run(
            new ApiServerNodeRestrictionMissing(),
            ControlPlaneFixtures.yaml(
                ControlPlaneFixtures.apiServer(
                    "no-node-restriction",
                    "apiserver-node-restriction-missing",
                    "--enable-admission-plugins=EventRateLimit"),
                ControlPlaneFixtures.apiServer(
                    "node-restriction-disabled",
                    "apiserver-node-restriction-missing",
                    "--disable-admission-plugins=NodeRestriction"),
                ControlPlaneFixtures.apiServer("hardened", null)))
        .assertExpectations();
  }
}
