package dev.rampart.checks.controlplane;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class ApiServerTokenAuthFileTest {

  @Test
  void flagsInsecureSettingsAndPassesTheHardenedPod() {
    CheckTester.run(
            new ApiServerTokenAuthFile(),
            ControlPlaneFixtures.yaml(
                ControlPlaneFixtures.apiServer(
                    "static-tokens",
                    "apiserver-token-auth-file",
                    "--token-auth-file=/etc/kubernetes/tokens.csv"),
                ControlPlaneFixtures.apiServer("hardened", null)))
        .assertExpectations();
  }
}
