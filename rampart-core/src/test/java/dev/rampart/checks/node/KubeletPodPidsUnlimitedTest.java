package dev.rampart.checks.node;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class KubeletPodPidsUnlimitedTest {

  @Test
  void flagsInsecureSettingsAndPassesTheHardenedKubelet() {
    CheckTester.run(
            new KubeletPodPidsUnlimited(),
            KubeletFixtures.yaml(
                KubeletFixtures.config(
                    "unlimited", "kubelet-pod-pids-unlimited", "podPidsLimit", -1),
                KubeletFixtures.config(
                    "file-default", "kubelet-pod-pids-unlimited", "podPidsLimit", null),
                KubeletFixtures.config("hardened", null)))
        .assertExpectations();
  }
}
