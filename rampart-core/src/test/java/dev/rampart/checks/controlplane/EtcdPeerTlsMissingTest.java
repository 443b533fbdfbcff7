package dev.rampart.checks.controlplane;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class EtcdPeerTlsMissingTest {

  @Test
  void flagsInsecureSettingsAndPassesTheHardenedPod() {
    CheckTester.run(
            new EtcdPeerTlsMissing(),
            ControlPlaneFixtures.yaml(
                ControlPlaneFixtures.etcd("no-peer-key", "etcd-peer-tls-missing", "!peer-key-file"),
                ControlPlaneFixtures.etcd(
                    "plain-peers",
                    "etcd-peer-tls-missing",
                    "--listen-peer-urls=http://10.0.0.10:2380"),
                ControlPlaneFixtures.etcd("hardened", null)))
        .assertExpectations();
  }
}
