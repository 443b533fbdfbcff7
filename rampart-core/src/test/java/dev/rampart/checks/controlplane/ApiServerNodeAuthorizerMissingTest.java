package dev.rampart.checks.controlplane;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class ApiServerNodeAuthorizerMissingTest {

  @Test
  void flagsInsecureSettingsAndPassesTheHardenedPod() {
    CheckTester.run(
            new ApiServerNodeAuthorizerMissing(),
            ControlPlaneFixtures.yaml(
                ControlPlaneFixtures.apiServer(
                    "rbac-only", "apiserver-node-authorizer-missing", "--authorization-mode=RBAC"),
                ControlPlaneFixtures.apiServer(
                    "mode-default", "apiserver-node-authorizer-missing", "!authorization-mode"),
                ControlPlaneFixtures.apiServer("hardened", null)))
        .assertExpectations();
  }
}
