package dev.rampart.checks.controlplane;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class EtcdAutoTlsTest {

  @Test
  void flagsInsecureSettingsAndPassesTheHardenedPod() {
    CheckTester.run(
            new EtcdAutoTls(),
            ControlPlaneFixtures.yaml(
                ControlPlaneFixtures.etcd("auto-tls", "etcd-auto-tls", "--auto-tls=true"),
                ControlPlaneFixtures.etcd("peer-auto-tls", "etcd-auto-tls", "--peer-auto-tls"),
                ControlPlaneFixtures.etcd("hardened", null)))
        .assertExpectations();
  }
}
