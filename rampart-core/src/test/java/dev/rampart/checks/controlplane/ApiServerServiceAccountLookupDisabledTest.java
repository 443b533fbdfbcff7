package dev.rampart.checks.controlplane;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class ApiServerServiceAccountLookupDisabledTest {

  @Test
  void flagsInsecureSettingsAndPassesTheHardenedPod() {
    CheckTester.run(
            new ApiServerServiceAccountLookupDisabled(),
            ControlPlaneFixtures.yaml(
                ControlPlaneFixtures.apiServer(
                    "lookup-off",
                    "apiserver-service-account-lookup-disabled",
                    "--service-account-lookup=false"),
                ControlPlaneFixtures.apiServer("lookup-default", null, "!service-account-lookup"),
                ControlPlaneFixtures.apiServer("hardened", null)))
        .assertExpectations();
  }
}
