package dev.rampart.graph;

import dev.rampart.data.VersionDataFile;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.source.file.ManifestReader;
import dev.rampart.source.synthetic.ClusterWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Times the asset graph and the attack-path search on a generated cluster of 50 000 pods ({@code
 * rampart generate --pods 50000 --seed 42}: the workloads, their pods on ~1 700 nodes, services,
 * ingresses, network policies and RBAC of a realistic cluster, weaknesses at realistic rates, so
 * that the search finds real paths). Runs only on request; the JMH suite in rampart-bench times the
 * same stages at any size:
 *
 * <pre>mvn -pl rampart-core test -Dgroups=bench -Dbench.excluded=none -Dtest=GraphBenchmark</pre>
 */
@Tag("bench")
class GraphBenchmark {

  private static final int PODS = Integer.getInteger("bench.pods", 50_000);

  @Test
  void graphAndPathsOfAGeneratedCluster() throws IOException {
    Snapshot snapshot = generate();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.out.printf(
        Locale.ROOT, "generated cluster: %d pods, %d objects%n", PODS, snapshot.objects().size());
    for (int run = 0; run < 2; run++) {
      Snapshot s = new Snapshot("generated", snapshot.objects(), List.of());
      AssetGroups groups = new AssetGroups(List.of());
      long t0 = System.nanoTime();
      AssetGraph graph = AssetGraph.of(s, groups, VersionDataFile.bundled());
      long t1 = System.nanoTime();
      AttackPaths.Result result = AttackPaths.find(graph, groups, AttackPaths.Options.defaults());
      long t2 = System.nanoTime();
      System.out.printf(
          Locale.ROOT,
          "%s: graph %d assets, %d edges in %d ms; %d paths to %d crown jewels in %d ms;"
              + " bounds %s; heap used %d MB%n",
          run == 0 ? "cold" : "warm " + run,
          graph.graph().vertexSet().size(),
          graph.graph().edgeSet().size(),
          (t1 - t0) / 1_000_000,
          result.paths().size(),
          result.targets().size(),
          (t2 - t1) / 1_000_000,
          result.bounds(),
          memory.getHeapMemoryUsage().getUsed() / (1024 * 1024));
    }
  }

  private static Snapshot generate() throws IOException {
    ByteArrayOutputStream yaml = new ByteArrayOutputStream();
    ClusterWriter.write(PODS, 42, ClusterWriter.Format.YAML, yaml);
    ManifestReader.Result read =
        new ManifestReader().read("generated.yaml", new ByteArrayInputStream(yaml.toByteArray()));
    return new Snapshot("generated", read.objects(), read.problems());
  }
}
