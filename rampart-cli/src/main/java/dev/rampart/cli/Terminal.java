package dev.rampart.cli;

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
}
