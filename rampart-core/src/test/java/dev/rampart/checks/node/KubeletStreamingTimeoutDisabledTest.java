package dev.rampart.checks.node;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class KubeletStreamingTimeoutDisabledTest {

  @Test
  void flagsInsecureSettingsAndPassesTheHardenedKubelet() {
    CheckTester.run(
            new KubeletStreamingTimeoutDisabled(),
            KubeletFixtures.yaml(
                KubeletFixtures.config(
                    "no-timeout",
                    "kubelet-streaming-timeout-disabled",
                    "streamingConnectionIdleTimeout",
                    "0s"),
                KubeletFixtures.config(
                    "zero-hms",
                    "kubelet-streaming-timeout-disabled",
                    "streamingConnectionIdleTimeout",
                    "0h0m0s"),
                KubeletFixtures.config("default-4h", null, "streamingConnectionIdleTimeout", null),
                KubeletFixtures.config("hardened", null)))
        .assertExpectations();
  }
}
