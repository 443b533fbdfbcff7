package dev.rampart.checks.node;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class KubeletCertRotationDisabledTest {

  @Test
  void flagsInsecureSettingsAndPassesTheHardenedKubelet() {
    CheckTester.run(
            new KubeletCertRotationDisabled(),
            KubeletFixtures.yaml(
                KubeletFixtures.config(
                    "no-rotation", "kubelet-cert-rotation-disabled", "rotateCertificates", false),
                KubeletFixtures.config(
                    "file-default", "kubelet-cert-rotation-disabled", "rotateCertificates", null),
                KubeletFixtures.config(
                    "gate-off",
                    "kubelet-cert-rotation-disabled",
                    "featureGates.RotateKubeletServerCertificate",
                    false),
                KubeletFixtures.config(
                    "gate-on", null, "featureGates.RotateKubeletServerCertificate", true),
                KubeletFixtures.config("hardened", null)))
        .assertExpectations();
  }
}
