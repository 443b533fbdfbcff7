package dev.rampart.source.live;

import dev.rampart.checks.BuiltInChecks;
import dev.rampart.config.RampartConfig;
import dev.rampart.scan.ScanOptions;
import dev.rampart.scan.ScanResult;
import dev.rampart.scan.Scanner;
import dev.rampart.snapshot.Snapshot;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live read of 20 000 objects served by a mock API server, paged by 500 as a real server would,
 * then the scan of what was read: time, requests, and heap. Not a unit test (no timed assertions):
 * it runs only on request, with
 *
 * <pre>mvn -pl rampart-kube -am test -Dgroups=bench -Dbench.excluded=none -Dtest=LiveScanBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * The server ({@link StaticCluster}) runs in the same JVM and on the same cores, with its pages
 * prepared in advance: its heap is in the baseline, and the figures are the heap above it. The
 * network engine keeps its analysis of a snapshot softly, so a run's snapshot may stay in the next
 * run's baseline until memory runs short; the first run's retained size is the snapshot's own.
 */
@Tag("bench")
class LiveScanBenchmark {

  private static final int OBJECTS = 20_000;
  private static final int RUNS = 3;

  @TempDir Path dir;

  @Test
  void liveScanOf20000Objects() throws InterruptedException {
    List<HasMetadata> objects = SyntheticCluster.generate(OBJECTS);
    try (StaticCluster cluster = new StaticCluster(objects)) {
      objects = null;
      LiveOptions options = LiveOptions.defaults().withKubeconfig(cluster.kubeconfig(dir), null);
      for (int run = 1; run <= RUNS; run++) {
        long baseline = settledHeap();
        int requests0 = cluster.requests();
        HeapSampler sampler = HeapSampler.start();
        long t0 = System.nanoTime();
        Snapshot snapshot = LiveSource.read(options, Progress.NONE);
        long t1 = System.nanoTime();
        long peakRead = sampler.peak();
        ScanResult result =
            new Scanner(BuiltInChecks.all(), RampartConfig.EMPTY, "rampart.yaml")
                .scan(snapshot, ScanOptions.defaults());
        long t2 = System.nanoTime();
        long peakAll = sampler.stop();
        long retained = settledHeap() - baseline;
        System.out.printf(
            Locale.ROOT,
            "run %d: live read of %d objects (%d kinds, %d requests) %d ms; scan (%d findings) %d"
                + " ms; total %d ms; heap above the baseline at its peak: read %d MiB, read + scan"
                + " %d MiB; snapshot retained %d MiB (baseline %d MiB with the server's pages)%n",
            run,
            snapshot.objects().size(),
            snapshot.countByKind().size(),
            cluster.requests() - requests0,
            (t1 - t0) / 1_000_000,
            result.findings().size(),
            (t2 - t1) / 1_000_000,
            (t2 - t0) / 1_000_000,
            (peakRead - baseline) >> 20,
            (peakAll - baseline) >> 20,
            retained >> 20,
            baseline >> 20);
        if (result.findings().isEmpty() || snapshot.objects().size() < OBJECTS) {
          throw new AssertionError("the benchmark read less than it should");
        }
      }
    }
  }

  /** The most heap in use, sampled every millisecond: garbage not yet collected included. */
  private static final class HeapSampler {
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peak;

    private HeapSampler() {
      thread =
          new Thread(
              () -> {
                Runtime rt = Runtime.getRuntime();
                while (running) {
                  peak = Math.max(peak, rt.totalMemory() - rt.freeMemory());
                  try {
                    Thread.sleep(1);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              });
      thread.setDaemon(true);
    }

    static HeapSampler start() {
      HeapSampler s = new HeapSampler();
      s.thread.start();
      return s;
    }

    long peak() {
      return peak;
    }

    long stop() throws InterruptedException {
      running = false;
      thread.join();
      return peak;
    }
  }

  private static long settledHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
