package dev.rampart.checks.node;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class KubeletWeakTlsTest {

  @Test
  void flagsInsecureSettingsAndPassesTheHardenedKubelet() {
    CheckTester.run(
            new KubeletWeakTls(),
            KubeletFixtures.yaml(
                KubeletFixtures.config(
                    "cbc",
                    "kubelet-weak-tls",
                    "tlsCipherSuites",
                    java.util.List.of("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA")),
                KubeletFixtures.config(
                    "tls11", "kubelet-weak-tls", "tlsMinVersion", "VersionTLS11"),
                KubeletFixtures.config(
                    "go-defaults", null, "tlsCipherSuites", null, "tlsMinVersion", null),
                KubeletFixtures.config("hardened", null)))
        .assertExpectations();
  }
}
