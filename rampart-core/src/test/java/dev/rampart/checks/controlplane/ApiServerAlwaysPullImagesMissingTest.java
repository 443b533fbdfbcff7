package dev.rampart.checks.controlplane;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class ApiServerAlwaysPullImagesMissingTest {

  @Test
  void flagsInsecureSettingsAndPassesTheHardenedPod() {
    CheckTester.run(
            new ApiServerAlwaysPullImagesMissing(),
            ControlPlaneFixtures.yaml(
                ControlPlaneFixtures.apiServer(
                    "no-always-pull",
                    "apiserver-always-pull-images-missing",
                    "--enable-admission-plugins=NodeRestriction"),
                ControlPlaneFixtures.apiServer("hardened", null)))
        .assertExpectations();
  }
}
