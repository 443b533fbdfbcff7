package dev.rampart.checks.node;

import static dev.rampart.checks.node.KubeletFixtures.config;
import static dev.rampart.checks.node.KubeletFixtures.node;
import static dev.rampart.checks.node.KubeletFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class KubeletIptablesChainsUnmanagedTest {

  private static final String ID = "kubelet-iptables-chains-unmanaged";

  @Test
  void flagsLinuxKubeletsThatLeaveTheirChainsAndSkipsWindows() {
    CheckTester t =
        CheckTester.run(
                new KubeletIptablesChainsUnmanaged(),
                yaml(
                    node("linux-1", "linux"),
                    config("linux-1", ID, "makeIPTablesUtilChains", false),
                    node("win-1", "windows"),
                    config("win-1", null, "makeIPTablesUtilChains", false),
                    config("no-node-object", null)))
            .assertExpectations();
    assertThat(t.tally().notApplicable()).isEqualTo(1);
    assertThat(t.tally().passed()).isEqualTo(1);
  }
}
