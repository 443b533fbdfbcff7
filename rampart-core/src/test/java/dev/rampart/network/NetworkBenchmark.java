package dev.rampart.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.snapshot.Snapshot;
import org.junit.jupiter.api.Test;

/**
 * Exposure and reachability of a synthetic cluster of 10 000 pods and 2 000 NetworkPolicies,
 * measured, not asserted (timing assertions make flaky tests). Not part of the default test run:
 * {@code mvn -pl rampart-core test -Dtest=NetworkBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class NetworkBenchmark {

  @Test
  void tenThousandPodsAndTwoThousandPoliciesEverywhere() {
    run("every namespace isolated", SyntheticCluster.generate(10_000, 2_000, 200, 42));
  }

  @Test
  void tenThousandPodsAndTwoThousandPoliciesInHalfTheNamespaces() {
    run("half the namespaces open", SyntheticCluster.generate(10_000, 2_000, 400, 42));
  }

  private static void run(String name, Snapshot snapshot) {
    System.out.println(name + ":");
    for (int round = 1; round <= 3; round++) {
      long t0 = System.nanoTime();
      Network network =
          Network.of(new Snapshot("synthetic", snapshot.objects(), java.util.List.of()));
      long t1 = System.nanoTime();
      Exposure exposure = network.exposure();
      long t2 = System.nanoTime();
      Reachability reachability = network.reachability();
      long t3 = System.nanoTime();
      long pairs = reachability.connectedPairs();
      long t4 = System.nanoTime();
      InternetPaths paths = network.internetPaths();
      long t5 = System.nanoTime();
      System.out.printf(
          "round %d: %d pods, %d policies, %d classes; model %d ms, exposure %d ms, grouping %d ms,"
              + " all pairs %d ms (%d connected), internet paths %d ms (%d entries); total %d ms%n",
          round,
          network.endpoints().size(),
          network.policies().all().size(),
          reachability.classCount(),
          ms(t0, t1),
          ms(t1, t2),
          ms(t2, t3),
          ms(t3, t4),
          pairs,
          ms(t4, t5),
          paths.entries().size(),
          ms(t0, t5));
      assertThat(exposure).isNotNull();
    }
  }

  private static long ms(long from, long to) {
    return (to - from) / 1_000_000;
  }
}
