package dev.rampart.scan;

import dev.rampart.checks.version.VersionData;
import dev.rampart.graph.AssetGraph;
import dev.rampart.graph.AssetGroups;
import dev.rampart.graph.AttackPaths;
import dev.rampart.snapshot.Snapshot;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The asset graph and its attack paths, built on a thread of their own while the checks run. They
 * need the snapshot and the shared RBAC and network analyses, never the findings; and the checks,
 * at the start of a one-shot scan, leave part of the machine to the JIT and idle, while building
 * the graph alone kept one core busy and the other mostly waiting. Both are pure: the same input
 * gives the same graph and paths whichever thread builds them.
 */
final class Graphing {

  private final CompletableFuture<AssetGraph> graph;
  private final CompletableFuture<AttackPaths.Result> paths;

  private Graphing(Snapshot snapshot, AssetGroups groups, VersionData versions) {
    this.graph =
        CompletableFuture.supplyAsync(
            () -> AssetGraph.of(snapshot, groups, versions), Graphing::startThread);
    // On the graph's thread, right after it.
    this.paths = graph.thenApply(g -> AttackPaths.find(g, groups, AttackPaths.Options.defaults()));
  }

  static Graphing start(Snapshot snapshot, AssetGroups groups, VersionData versions) {
    return new Graphing(snapshot, groups, versions);
  }

  /** Waits for the graph; its failure is rethrown as it was thrown. */
  AssetGraph graph() {
    return join(graph);
  }

  /** Waits for the attack paths. */
  AttackPaths.Result paths() {
    return join(paths);
  }

  private static void startThread(Runnable work) {
    Thread t = new Thread(work, "rampart-graph");
    t.setDaemon(true);
    t.start();
  }

  /** Waits for {@code future}; its failure is rethrown as it was thrown. */
  static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error r) {
        throw r;
      }
      throw e;
    }
  }
}
