package dev.rampart.checks.controlplane;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class ApiServerClientCaMissingTest {

  @Test
  void flagsInsecureSettingsAndPassesTheHardenedPod() {
    CheckTester.run(
            new ApiServerClientCaMissing(),
            ControlPlaneFixtures.yaml(
                ControlPlaneFixtures.apiServer(
                    "no-client-ca", "apiserver-client-ca-missing", "!client-ca-file"),
                ControlPlaneFixtures.apiServer("hardened", null)))
        .assertExpectations();
  }
}
