package dev.rampart.checks.node;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class KubeletAuthorizationAlwaysAllowTest {

  @Test
  void flagsInsecureSettingsAndPassesTheHardenedKubelet() {
    CheckTester.run(
            new KubeletAuthorizationAlwaysAllow(),
            KubeletFixtures.yaml(
                KubeletFixtures.config(
                    "always-allow",
                    "kubelet-authorization-always-allow",
                    "authorization.mode",
                    "AlwaysAllow"),
                KubeletFixtures.config("mode-file-default", null, "authorization", null),
                KubeletFixtures.config("hardened", null)))
        .assertExpectations();
  }
}
