package dev.rampart.source.live;

import java.nio.file.Path;

/**
 * Serves a synthetic cluster until killed, for measuring the command line in its own process:
 * {@code StaticClusterMain OBJECTS DIR} writes {@code DIR/kubeconfig-bench} and prints its path.
 */
public final class StaticClusterMain {

  private StaticClusterMain() {}

  public static void main(String[] args) throws InterruptedException {
    int objects = Integer.parseInt(args[0]);
    StaticCluster cluster = new StaticCluster(SyntheticCluster.generate(objects));
    System.out.println(cluster.kubeconfig(Path.of(args[1])));
    System.out.flush();
    Thread.currentThread().join();
  }
}
