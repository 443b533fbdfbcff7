package dev.rampart.checks.controlplane;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class ApiServerKubeletCaMissingTest {

  @Test
  void flagsInsecureSettingsAndPassesTheHardenedPod() {
    CheckTester.run(
            new ApiServerKubeletCaMissing(),
            ControlPlaneFixtures.yaml(
                ControlPlaneFixtures.apiServer(
                    "no-kubelet-ca",
                    "apiserver-kubelet-ca-missing",
                    "!kubelet-certificate-authority"),
                ControlPlaneFixtures.apiServer("hardened", null)))
        .assertExpectations();
  }
}
