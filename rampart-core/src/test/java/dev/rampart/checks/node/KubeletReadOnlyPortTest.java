package dev.rampart.checks.node;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class KubeletReadOnlyPortTest {

  @Test
  void flagsInsecureSettingsAndPassesTheHardenedKubelet() {
    CheckTester.run(
            new KubeletReadOnlyPort(),
            KubeletFixtures.yaml(
                KubeletFixtures.config(
                    "read-only", "kubelet-read-only-port", "readOnlyPort", 10255),
                KubeletFixtures.config("read-only-closed", null, "readOnlyPort", 0),
                KubeletFixtures.config("hardened", null)))
        .assertExpectations();
  }
}
