package dev.rampart.checks.controlplane;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class ApiServerRbacDisabledTest {

  @Test
  void flagsInsecureSettingsAndPassesTheHardenedPod() {
    CheckTester.run(
            new ApiServerRbacDisabled(),
            ControlPlaneFixtures.yaml(
                ControlPlaneFixtures.apiServer(
                    "abac", "apiserver-rbac-disabled", "--authorization-mode=Node,ABAC"),
                ControlPlaneFixtures.apiServer(
                    "mode-default", "apiserver-rbac-disabled", "!authorization-mode"),
                ControlPlaneFixtures.apiServer("hardened", null)))
        .assertExpectations();
  }
}
