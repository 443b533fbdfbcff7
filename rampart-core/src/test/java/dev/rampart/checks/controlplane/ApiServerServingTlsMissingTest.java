package dev.rampart.checks.controlplane;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class ApiServerServingTlsMissingTest {

  @Test
  void flagsInsecureSettingsAndPassesTheHardenedPod() {
    CheckTester.run(
            new ApiServerServingTlsMissing(),
            ControlPlaneFixtures.yaml(
                ControlPlaneFixtures.apiServer(
                    "no-serving-cert",
                    "apiserver-serving-tls-missing",
                    "!tls-cert-file",
                    "!tls-private-key-file"),
                ControlPlaneFixtures.apiServer("hardened", null)))
        .assertExpectations();
  }
}
