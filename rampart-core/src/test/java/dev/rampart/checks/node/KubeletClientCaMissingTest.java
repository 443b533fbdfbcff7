package dev.rampart.checks.node;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class KubeletClientCaMissingTest {

  @Test
  void flagsInsecureSettingsAndPassesTheHardenedKubelet() {
    CheckTester.run(
            new KubeletClientCaMissing(),
            KubeletFixtures.yaml(
                KubeletFixtures.config(
                    "no-ca", "kubelet-client-ca-missing", "authentication.x509.clientCAFile", null),
                KubeletFixtures.config(
                    "empty-ca",
                    "kubelet-client-ca-missing",
                    "authentication.x509.clientCAFile",
                    ""),
                KubeletFixtures.config("hardened", null)))
        .assertExpectations();
  }
}
