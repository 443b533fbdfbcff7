package dev.rampart.cli;

import dev.rampart.source.live.Progress;
import java.io.PrintWriter;

/**
 * How far a live read got, on one line of standard error that rewrites itself; only on a terminal,
 * so that logs and CI output stay clean.
 */
final class StderrProgress implements Progress, AutoCloseable {

  private static final long EVERY_NANOS = 100_000_000L;

  private final PrintWriter err;
  private long last;
  private boolean shown;

  private StderrProgress(PrintWriter err) {
    this.err = err;
  }

  /** Progress on {@code err} when standard error is a terminal; otherwise nothing. */
  static StderrProgress onTerminal(PrintWriter err) {
    return new StderrProgress(Terminal.stderr() ? err : null);
  }

  @Override
  public synchronized void read(String what, int done, int total, int objects) {
    long now = System.nanoTime();
    if (err == null || (done < total && now - last < EVERY_NANOS)) {
      return;
    }
    last = now;
    shown = true;
    err.print(
        "\rrampart: reading the cluster: "
            + done
            + "/"
            + total
            + " lists, "
            + objects
            + " objects \u001b[K");
    err.flush();
  }

  /** Clears the line, so that what follows starts clean. */
  @Override
  public synchronized void close() {
    if (err != null && shown) {
      err.print("\r\u001b[K");
      err.flush();
    }
  }
}
