package dev.rampart.checks.node;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class KubeletEventQpsUnlimitedTest {

  @Test
  void flagsInsecureSettingsAndPassesTheHardenedKubelet() {
    CheckTester.run(
            new KubeletEventQpsUnlimited(),
            KubeletFixtures.yaml(
                KubeletFixtures.config(
                    "unlimited", "kubelet-event-qps-unlimited", "eventRecordQPS", 0),
                KubeletFixtures.config("default-50", null, "eventRecordQPS", null),
                KubeletFixtures.config("hardened", null)))
        .assertExpectations();
  }
}
