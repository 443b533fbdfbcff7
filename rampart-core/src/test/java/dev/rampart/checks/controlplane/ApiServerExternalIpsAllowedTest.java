package dev.rampart.checks.controlplane;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class ApiServerExternalIpsAllowedTest {

  @Test
  void flagsInsecureSettingsAndPassesTheHardenedPod() {
    CheckTester.run(
            new ApiServerExternalIpsAllowed(),
            ControlPlaneFixtures.yaml(
                ControlPlaneFixtures.apiServer(
                    "no-deny-plugin",
                    "apiserver-external-ips-allowed",
                    "--enable-admission-plugins=NodeRestriction"),
                ControlPlaneFixtures.apiServer(
                    "no-plugin-flag",
                    "apiserver-external-ips-allowed",
                    "!enable-admission-plugins"),
                ControlPlaneFixtures.apiServer("hardened", null)))
        .assertExpectations();
  }
}
