package dev.rampart.bench;

import dev.rampart.checks.BuiltInChecks;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckRun;
import dev.rampart.checks.CheckRunner;
import dev.rampart.checks.SeverityOverrides;
import dev.rampart.config.RampartConfig;
import dev.rampart.data.VersionDataFile;
import dev.rampart.graph.AssetGraph;
import dev.rampart.graph.AssetGroups;
import dev.rampart.graph.AttackPaths;
import dev.rampart.network.Network;
import dev.rampart.rbac.Rbac;
import dev.rampart.scan.ScanOptions;
import dev.rampart.scan.ScanResult;
import dev.rampart.scan.Scanner;
import dev.rampart.snapshot.Snapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hot paths of a scan, each over a generated cluster (the cluster is generated and parsed once
 * per fork). Each benchmark is milliseconds to seconds long: single-shot time per operation.
 *
 * <pre>java -jar rampart-bench/target/benchmarks.jar -p pods=10000</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class HotPaths {

  @Param({"1000"})
  int pods;

  private GeneratedCluster cluster;
  private Snapshot snapshot;
  private AssetGraph graph;
  private final AssetGroups groups = new AssetGroups(List.of());
  private final CheckContext context =
      new CheckContext(List.of(), Instant.parse("2026-01-01T00:00:00Z"), VersionDataFile.bundled());

  @Setup(Level.Trial)
  public void generate() {
    cluster = new GeneratedCluster(pods);
    Snapshot s = cluster.fresh();
    graph = AssetGraph.of(s, groups, VersionDataFile.bundled());
  }

  /** A snapshot whose cached analyses are not built yet. */
  @Setup(Level.Invocation)
  public void freshSnapshot() {
    snapshot = cluster.fresh();
  }

  @Benchmark
  public Snapshot parse() {
    return GeneratedCluster.parse(cluster.yaml);
  }

  @Benchmark
  public Object rbac() {
    return Rbac.of(snapshot).escalations();
  }

  @Benchmark
  public Object network() {
    Network network = Network.of(snapshot);
    network.exposure();
    return network.reachability();
  }

  /** Every check; the RBAC and network analyses they share are built within. */
  @Benchmark
  public CheckRun checks() {
    return new CheckRunner(BuiltInChecks.all(), "bench")
        .run(snapshot, context, new SeverityOverrides(Map.of()));
  }

  @Benchmark
  public AssetGraph graph() {
    return AssetGraph.of(snapshot, groups, VersionDataFile.bundled());
  }

  @Benchmark
  public AttackPaths.Result paths() {
    return AttackPaths.find(graph, groups, AttackPaths.Options.defaults());
  }

  /** All of the above but parsing, plus prioritizing: what `rampart scan` does after reading. */
  @Benchmark
  public ScanResult scan() {
    return new Scanner(BuiltInChecks.all(), RampartConfig.EMPTY, "rampart.yaml")
        .scan(
            snapshot, new ScanOptions(List.of(), dev.rampart.checks.Severity.INFO, Instant.now()));
  }
}
