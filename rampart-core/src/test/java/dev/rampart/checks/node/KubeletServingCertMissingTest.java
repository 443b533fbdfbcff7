package dev.rampart.checks.node;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class KubeletServingCertMissingTest {

  @Test
  void flagsInsecureSettingsAndPassesTheHardenedKubelet() {
    CheckTester.run(
            new KubeletServingCertMissing(),
            KubeletFixtures.yaml(
                KubeletFixtures.config(
                    "self-signed", "kubelet-serving-cert-missing", "serverTLSBootstrap", false),
                KubeletFixtures.config(
                    "files",
                    null,
                    "serverTLSBootstrap",
                    null,
                    "tlsCertFile",
                    "/var/lib/kubelet/pki/kubelet.crt",
                    "tlsPrivateKeyFile",
                    "/var/lib/kubelet/pki/kubelet.key"),
                KubeletFixtures.config(
                    "cert-without-key",
                    "kubelet-serving-cert-missing",
                    "serverTLSBootstrap",
                    null,
                    "tlsCertFile",
                    "/var/lib/kubelet/pki/kubelet.crt"),
                KubeletFixtures.config("hardened", null)))
        .assertExpectations();
  }
}
