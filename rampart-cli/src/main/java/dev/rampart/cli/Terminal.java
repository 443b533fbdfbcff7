package dev.rampart.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether standard output is a person's terminal that takes colour. */
final class Terminal {

  private Terminal() {}

  static boolean colour(boolean disabled) {
    if (disabled || System.getenv("NO_COLOR") != null) {
      return false;
    }
    String term = System.getenv("TERM");
    return System.console() != null && term != null && !term.equals("dumb");
  }

  /**
   * Whether standard error is a terminal, for progress lines. Java 17 cannot ask directly: on Linux
   * the file descriptor tells; elsewhere an interactive console is taken as the answer.
   */
  static boolean stderr() {
    String term = System.getenv("TERM");
    if (term == null || term.equals("dumb")) {
      return false;
    }
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }
}
