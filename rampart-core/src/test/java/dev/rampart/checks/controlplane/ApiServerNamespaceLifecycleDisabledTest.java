package dev.rampart.checks.controlplane;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class ApiServerNamespaceLifecycleDisabledTest {

  @Test
  void flagsInsecureSettingsAndPassesTheHardenedPod() {
    CheckTester.run(
            new ApiServerNamespaceLifecycleDisabled(),
            ControlPlaneFixtures.yaml(
                ControlPlaneFixtures.apiServer(
                    "lifecycle-disabled",
                    "apiserver-namespace-lifecycle-disabled",
                    "--disable-admission-plugins=NamespaceLifecycle,ServiceAccount"),
                ControlPlaneFixtures.apiServer("hardened", null)))
        .assertExpectations();
  }
}
