package dev.rampart.checks.controlplane;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class ApiServerServiceAccountAdmissionDisabledTest {

  @Test
  void flagsInsecureSettingsAndPassesTheHardenedPod() {
    CheckTester.run(
            new ApiServerServiceAccountAdmissionDisabled(),
            ControlPlaneFixtures.yaml(
                ControlPlaneFixtures.apiServer(
                    "sa-disabled",
                    "apiserver-service-account-admission-disabled",
                    "--disable-admission-plugins=ServiceAccount"),
                ControlPlaneFixtures.apiServer("hardened", null)))
        .assertExpectations();
  }
}
