package dev.rampart.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.BuiltInChecks;
import dev.rampart.config.ConfigLoader;
import dev.rampart.config.RampartConfig;
import dev.rampart.graph.AttackPath;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.source.demo.DemoCluster;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A scan does not depend on the order the snapshot lists its objects in: a live cluster lists them
 * kind by kind, its manifests file by file, and both must give the same report (DESIGN section 3).
 */
class ObjectOrderTest {

  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

  @Test
  void theDemoInAnyOrderGivesTheSameFindingsPrioritiesAndPaths() throws Exception {
    Snapshot demo = DemoCluster.load();
    List<KubeObject> reversed = new ArrayList<>(demo.objects());
    Collections.reverse(reversed);
    List<KubeObject> byKind = new ArrayList<>(demo.objects());
    byKind.sort(Comparator.comparing(o -> o.kind() + "/" + o.namespace() + "/" + o.name()));

    ScanResult original = scan(demo);
    for (List<KubeObject> order : List.of(reversed, byKind)) {
      ScanResult other = scan(new Snapshot(demo.source(), order, demo.problems()));
      assertThat(describe(other)).containsExactlyElementsOf(describe(original));
      assertThat(other.attackPaths())
          .extracting(AttackPath::describe)
          .containsExactlyElementsOf(
              original.attackPaths().stream().map(AttackPath::describe).toList());
    }
  }

  private static List<String> describe(ScanResult result) {
    return result.findings().stream()
        .map(f -> f.id() + " " + f.priority() + " " + f.priorityReasons())
        .toList();
  }

  private static ScanResult scan(Snapshot snapshot) throws Exception {
    Set<String> ids =
        BuiltInChecks.all().stream().map(c -> c.descriptor().id()).collect(Collectors.toSet());
    RampartConfig config = new ConfigLoader().load("demo/rampart.yaml", DemoCluster.config(), ids);
    return new Scanner(BuiltInChecks.all(), config, "demo/rampart.yaml")
        .scan(snapshot, new ScanOptions(List.of(), null, NOW));
  }
}
