package dev.rampart.checks.node;

import static dev.rampart.checks.node.KubeletFixtures.config;
import static dev.rampart.checks.node.KubeletFixtures.node;
import static dev.rampart.checks.node.KubeletFixtures.yaml;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class KubeletKernelDefaultsUnprotectedTest {

  private static final String ID = "kubelet-kernel-defaults-unprotected";

  @Test
  void flagsKubeletsThatMayRewriteKernelSettings() {
    CheckTester.run(
            new KubeletKernelDefaultsUnprotected(),
            yaml(
                config("explicit-false", ID, "protectKernelDefaults", false),
                config("omitted-by-configz", ID, "protectKernelDefaults", null),
                node("win-1", "windows"),
                config("win-1", null, "protectKernelDefaults", null),
                config("hardened", null)))
        .assertExpectations();
  }
}
