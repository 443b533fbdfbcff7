package dev.rampart.checks.controlplane;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class ApiServerEventRateLimitMissingTest {

  @Test
  void flagsInsecureSettingsAndPassesTheHardenedPod() {
    CheckTester.run(
            new ApiServerEventRateLimitMissing(),
            ControlPlaneFixtures.yaml(
                ControlPlaneFixtures.apiServer(
                    "no-rate-limit",
                    "apiserver-event-rate-limit-missing",
                    "--enable-admission-plugins=NodeRestriction,AlwaysPullImages,DenyServiceExternalIPs"),
                ControlPlaneFixtures.apiServer("hardened", null)))
        .assertExpectations();
  }
}
