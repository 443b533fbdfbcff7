package dev.rampart.checks.controlplane;

import static dev.rampart.checks.controlplane.ControlPlaneFixtures.API_SERVER;
import static dev.rampart.checks.controlplane.ControlPlaneFixtures.pod;
import static dev.rampart.checks.controlplane.ControlPlaneFixtures.yaml;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class ApiServerInsecurePortTest {

  private static final String ID = "apiserver-insecure-port";

  private static String api(String name, String expect, String tag, String... overrides) {
    return pod(Component.KUBE_APISERVER, name, expect, tag, API_SERVER, overrides);
  }

  @Test
  void theDefaultDependsOnTheVersionOfTheImage() {
    CheckTester.run(
            new ApiServerInsecurePort(),
            yaml(
                api("v119-default", ID, "v1.19.16"),
                api("v119-closed", null, "v1.19.16", "--insecure-port=0"),
                api("v121-default", null, "v1.21.14"),
                api("v121-opened", ID, "v1.21.14", "--insecure-port=8080"),
                api("v129-stale-flag", null, "v1.29.4", "--insecure-port=8080"),
                api("untagged-opened", ID, "latest", "--insecure-port=8080"),
                api("untagged-default", null, "latest")))
        .assertExpectations();
  }
}
