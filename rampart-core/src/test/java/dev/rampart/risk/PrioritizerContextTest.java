package dev.rampart.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.BuiltInChecks;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckRunner;
import dev.rampart.checks.Finding;
import dev.rampart.checks.SeverityOverrides;
import dev.rampart.graph.AssetGroups;
import dev.rampart.network.Network;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.source.demo.DemoCluster;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A prioritizer keeps what it learnt of each object: the answers must not depend on it. */
class PrioritizerContextTest {

  @Test
  void aSharedPrioritizerAnswersAsAFreshOneForEveryFindingFromAnyThread() {
    Snapshot snapshot = DemoCluster.load();
    Network network = Network.of(snapshot);
    AssetGroups groups = new AssetGroups(List.of());
    List<Finding> findings =
        new CheckRunner(BuiltInChecks.all(), "demo")
            .run(snapshot, CheckContext.defaults(), SeverityOverrides.NONE)
            .findings();
    // Fresh: nothing learnt from an earlier finding.
    List<Finding> fresh =
        findings.stream()
            .map(f -> new Prioritizer(snapshot, network, groups).prioritize(f))
            .toList();
    Prioritizer shared = new Prioritizer(snapshot, network, groups);
    List<Finding> parallel = findings.parallelStream().map(shared::prioritize).toList();
    List<Finding> again = findings.stream().map(shared::prioritize).toList();

    assertThat(parallel).isEqualTo(fresh);
    assertThat(again).isEqualTo(fresh);
    assertThat(fresh).anyMatch(f -> f.priorityReasons().size() > 1);
  }
}
