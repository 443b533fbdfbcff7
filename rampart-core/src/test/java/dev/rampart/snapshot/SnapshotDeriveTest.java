package dev.rampart.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rampart.source.demo.DemoCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SnapshotDeriveTest {

  @Test
  void aDerivationIsComputedOncePerSnapshot() {
    AtomicInteger runs = new AtomicInteger();
    Snapshot.Derivation<Integer> size =
        new Snapshot.Derivation<>(
            s -> {
              runs.incrementAndGet();
              return s.objects().size();
            });
    Snapshot snapshot = DemoCluster.load();
    Integer first = snapshot.derive(size);
    assertThat(snapshot.derive(size)).isSameAs(first).isEqualTo(snapshot.objects().size());
    assertThat(runs).hasValue(1);

    Snapshot other = new Snapshot("other", List.of(), List.of());
    assertThat(other.derive(size)).isZero();
    assertThat(runs).hasValue(2);
  }

  @Test
  void concurrentFirstCallsComputeOnceAndSeeTheSameResult() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    Snapshot.Derivation<Object> slow =
        new Snapshot.Derivation<>(
            s -> {
              runs.incrementAndGet();
              sleep(50);
              return new Object();
            });
    Snapshot snapshot = new Snapshot("test", List.of(), List.of());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Object>> futures = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  return snapshot.derive(slow);
                }));
      }
      go.countDown();
      Object first = futures.get(0).get(10, TimeUnit.SECONDS);
      for (Future<Object> f : futures) {
        assertThat(f.get(10, TimeUnit.SECONDS)).isSameAs(first);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(runs).hasValue(1);
  }

  @Test
  void aDerivationMayDeriveAnother() {
    Snapshot.Derivation<Integer> objects = new Snapshot.Derivation<>(s -> s.objects().size());
    Snapshot.Derivation<Integer> twice = new Snapshot.Derivation<>(s -> 2 * s.derive(objects));
    Snapshot snapshot = DemoCluster.load();
    assertThat(snapshot.derive(twice)).isEqualTo(2 * snapshot.objects().size());
  }

  @Test
  void aDerivationMustGiveAResult() {
    Snapshot.Derivation<Object> nothing = new Snapshot.Derivation<>(s -> null);
    Snapshot snapshot = new Snapshot("test", List.of(), List.of());
    assertThatThrownBy(() -> snapshot.derive(nothing)).isInstanceOf(NullPointerException.class);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
