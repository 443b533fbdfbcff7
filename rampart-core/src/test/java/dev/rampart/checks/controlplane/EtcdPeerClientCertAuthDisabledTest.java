package dev.rampart.checks.controlplane;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class EtcdPeerClientCertAuthDisabledTest {

  @Test
  void flagsInsecureSettingsAndPassesTheHardenedPod() {
    CheckTester.run(
            new EtcdPeerClientCertAuthDisabled(),
            ControlPlaneFixtures.yaml(
                ControlPlaneFixtures.etcd(
                    "peer-auth-off",
                    "etcd-peer-client-cert-auth-disabled",
                    "--peer-client-cert-auth=false"),
                ControlPlaneFixtures.etcd(
                    "peer-auth-default",
                    "etcd-peer-client-cert-auth-disabled",
                    "!peer-client-cert-auth"),
                ControlPlaneFixtures.etcd("hardened", null)))
        .assertExpectations();
  }
}
