package dev.rampart.checks.controlplane;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class ApiServerEtcdTlsMissingTest {

  @Test
  void flagsInsecureSettingsAndPassesTheHardenedPod() {
    CheckTester.run(
            new ApiServerEtcdTlsMissing(),
            ControlPlaneFixtures.yaml(
                ControlPlaneFixtures.apiServer(
                    "no-etcd-cert", "apiserver-etcd-tls-missing", "!etcd-certfile"),
                ControlPlaneFixtures.apiServer(
                    "no-etcd-ca", "apiserver-etcd-tls-missing", "!etcd-cafile"),
                ControlPlaneFixtures.apiServer(
                    "plain-http-etcd",
                    "apiserver-etcd-tls-missing",
                    "--etcd-servers=http://10.0.0.20:2379"),
                ControlPlaneFixtures.apiServer("hardened", null)))
        .assertExpectations();
  }
}
