package dev.rampart.checks.controlplane;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class ApiServerKubeletClientCertMissingTest {

  @Test
  void flagsInsecureSettingsAndPassesTheHardenedPod() {
    CheckTester.run(
            new ApiServerKubeletClientCertMissing(),
            ControlPlaneFixtures.yaml(
                ControlPlaneFixtures.apiServer(
                    "no-client-cert",
                    "apiserver-kubelet-client-cert-missing",
                    "!kubelet-client-certificate"),
                ControlPlaneFixtures.apiServer(
                    "no-client-key",
                    "apiserver-kubelet-client-cert-missing",
                    "!kubelet-client-key"),
                ControlPlaneFixtures.apiServer("hardened", null)))
        .assertExpectations();
  }
}
