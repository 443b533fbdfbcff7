package dev.rampart.checks.controlplane;

import static dev.rampart.checks.controlplane.ControlPlaneFixtures.apiServer;
import static dev.rampart.checks.controlplane.ControlPlaneFixtures.etcd;
import static dev.rampart.checks.controlplane.ControlPlaneFixtures.yaml;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class EtcdSharedCaTest {

  private static final String ID = "etcd-shared-ca";

  @Test
  void flagsEtcdTrustingTheApiServersClientCa() {
    CheckTester.run(
            new EtcdSharedCa(),
            yaml(
                apiServer("kube-apiserver-cp-1", null),
                etcd("etcd-shared", ID, "--trusted-ca-file=/etc/kubernetes/pki/ca.crt"),
                etcd("etcd-no-ca", ID, "!trusted-ca-file"),
                etcd("etcd-own-ca", null)))
        .assertExpectations();
  }
}
