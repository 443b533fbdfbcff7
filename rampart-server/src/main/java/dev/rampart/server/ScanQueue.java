package dev.rampart.server;

import dev.rampart.store.ScanStore;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Scans one at a time on a single background thread, on request and on a schedule. A scan reads a
 * whole cluster: two at once would only double the load on the API server and the memory.
 */
public final class ScanQueue implements AutoCloseable {

  private final ScanSource source;
  private final ScanStore store;
  private final PrintWriter log;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(daemon("rampart-scan"));
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(daemon("rampart-schedule"));
  private final AtomicBoolean busy = new AtomicBoolean();

  public ScanQueue(ScanSource source, ScanStore store, PrintWriter log) {
    this.source = source;
    this.store = store;
    this.log = log;
  }

  /**
   * Queues a scan unless one is queued or running.
   *
   * @return whether it was queued
   */
  public boolean submit() {
    if (!busy.compareAndSet(false, true)) {
      return false;
    }
    worker.execute(this::run);
    return true;
  }

  /** A scan every {@code every}; a tick that finds one still running is skipped, not stacked. */
  public void every(Duration every) {
    long millis = every.toMillis();
    timer.scheduleAtFixedRate(
        () -> {
          if (!submit()) {
            log("rampart: scheduled scan skipped, the previous one is still running");
          }
        },
        millis,
        millis,
        TimeUnit.MILLISECONDS);
  }

  public boolean busy() {
    return busy.get();
  }

  private void run() {
    try {
      long id = store.save(source.scan());
      log("rampart: scan " + id + " stored");
    } catch (Exception | LinkageError e) {
      // The server keeps serving the stored scans; the next request or tick tries again.
      log("rampart: scan failed: " + e);
    } finally {
      busy.set(false);
    }
  }

  private void log(String message) {
    synchronized (log) {
      log.println(message);
      log.flush();
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    worker.shutdownNow();
    try {
      worker.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
