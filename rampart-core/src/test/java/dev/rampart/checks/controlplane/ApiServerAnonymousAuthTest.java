package dev.rampart.checks.controlplane;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class ApiServerAnonymousAuthTest {

  @Test
  void flagsInsecureSettingsAndPassesTheHardenedPod() {
    CheckTester.run(
            new ApiServerAnonymousAuth(),
            ControlPlaneFixtures.yaml(
                ControlPlaneFixtures.apiServer(
                    "anonymous-on", "apiserver-anonymous-auth", "--anonymous-auth=true"),
                ControlPlaneFixtures.apiServer(
                    "anonymous-default", "apiserver-anonymous-auth", "!anonymous-auth"),
                ControlPlaneFixtures.apiServer("hardened", null)))
        .assertExpectations();
  }
}
