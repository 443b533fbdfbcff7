package dev.rampart.checks.controlplane;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class EtcdClientCertAuthDisabledTest {

  @Test
  void flagsInsecureSettingsAndPassesTheHardenedPod() {
    CheckTester.run(
            new EtcdClientCertAuthDisabled(),
            ControlPlaneFixtures.yaml(
                ControlPlaneFixtures.etcd(
                    "auth-off", "etcd-client-cert-auth-disabled", "--client-cert-auth=false"),
                ControlPlaneFixtures.etcd(
                    "auth-default", "etcd-client-cert-auth-disabled", "!client-cert-auth"),
                ControlPlaneFixtures.etcd("hardened", null)))
        .assertExpectations();
  }
}
