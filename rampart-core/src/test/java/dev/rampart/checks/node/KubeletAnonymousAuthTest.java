package dev.rampart.checks.node;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class KubeletAnonymousAuthTest {

  @Test
  void flagsInsecureSettingsAndPassesTheHardenedKubelet() {
    CheckTester.run(
            new KubeletAnonymousAuth(),
            KubeletFixtures.yaml(
                KubeletFixtures.config(
                    "anon-on", "kubelet-anonymous-auth", "authentication.anonymous.enabled", true),
                KubeletFixtures.config(
                    "anon-string",
                    "kubelet-anonymous-auth",
                    "authentication.anonymous.enabled",
                    "true"),
                KubeletFixtures.config("anon-file-default", null, "authentication.anonymous", null),
                KubeletFixtures.config("hardened", null)))
        .assertExpectations();
  }
}
