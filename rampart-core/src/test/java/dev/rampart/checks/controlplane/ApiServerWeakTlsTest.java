package dev.rampart.checks.controlplane;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class ApiServerWeakTlsTest {

  @Test
  void flagsInsecureSettingsAndPassesTheHardenedPod() {
    CheckTester.run(
            new ApiServerWeakTls(),
            ControlPlaneFixtures.yaml(
                ControlPlaneFixtures.apiServer(
                    "triple-des",
                    "apiserver-weak-tls",
                    "--tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_3DES_EDE_CBC_SHA"),
                ControlPlaneFixtures.apiServer(
                    "rc4",
                    "apiserver-weak-tls",
                    "--tls-cipher-suites=TLS_ECDHE_RSA_WITH_RC4_128_SHA"),
                ControlPlaneFixtures.apiServer(
                    "tls10", "apiserver-weak-tls", "--tls-min-version=VersionTLS10"),
                ControlPlaneFixtures.apiServer(
                    "go-defaults", null, "!tls-cipher-suites", "!tls-min-version"),
                ControlPlaneFixtures.apiServer("hardened", null)))
        .assertExpectations();
  }
}
