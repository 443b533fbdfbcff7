package dev.rampart.checks.controlplane;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class EtcdClientTlsMissingTest {

  @Test
  void flagsInsecureSettingsAndPassesTheHardenedPod() {
    CheckTester.run(
            new EtcdClientTlsMissing(),
            ControlPlaneFixtures.yaml(
                ControlPlaneFixtures.etcd(
                    "no-server-cert", "etcd-client-tls-missing", "!cert-file"),
                ControlPlaneFixtures.etcd(
                    "plain-clients",
                    "etcd-client-tls-missing",
                    "--listen-client-urls=http://0.0.0.0:2379"),
                ControlPlaneFixtures.etcd("hardened", null)))
        .assertExpectations();
  }
}
