package dev.rampart.scan;

import dev.rampart.network.Network;
import dev.rampart.snapshot.Snapshot;
import java.util.concurrent.CompletableFuture;

/**
 * The network analysis of a snapshot, built on a thread of its own while the caller builds the RBAC
 * analysis. Both are pure and cached per snapshot ({@link Network#of} holds its cache's lock while
 * it builds, so whoever asks meanwhile waits for this one rather than building another): the same
 * snapshot gives the same analysis whichever thread builds it.
 */
final class Analyzing {

  private final CompletableFuture<Network> network;

  private Analyzing(Snapshot snapshot) {
    this.network =
        CompletableFuture.supplyAsync(() -> Network.of(snapshot), Analyzing::startThread);
  }

  static Analyzing start(Snapshot snapshot) {
    return new Analyzing(snapshot);
  }

  /** Waits for the network analysis; its failure is rethrown as it was thrown. */
  Network network() {
    return Graphing.join(network);
  }

  private static void startThread(Runnable work) {
    Thread t = new Thread(work, "rampart-network");
    t.setDaemon(true);
    t.start();
  }
}
