package dev.rampart.checks.controlplane;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class ApiServerAuthorizationAlwaysAllowTest {

  @Test
  void flagsInsecureSettingsAndPassesTheHardenedPod() {
    CheckTester.run(
            new ApiServerAuthorizationAlwaysAllow(),
            ControlPlaneFixtures.yaml(
                ControlPlaneFixtures.apiServer(
                    "always-allow",
                    "apiserver-authorization-always-allow",
                    "--authorization-mode=AlwaysAllow"),
                ControlPlaneFixtures.apiServer(
                    "always-allow-last",
                    "apiserver-authorization-always-allow",
                    "--authorization-mode=RBAC,AlwaysAllow"),
                ControlPlaneFixtures.apiServer(
                    "mode-default", "apiserver-authorization-always-allow", "!authorization-mode"),
                ControlPlaneFixtures.apiServer("hardened", null)))
        .assertExpectations();
  }
}
