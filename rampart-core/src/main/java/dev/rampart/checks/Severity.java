package dev.rampart.checks;

import java.util.Locale;

/** How bad a weakness is on its own, before context (exposure, privileges, paths) is weighed. */
public enum Severity {
  CRITICAL,
  HIGH,
  MEDIUM,
  LOW,
  INFO;

  // Spelled once: reports and summaries ask for it per finding.
  private final String id = name().toLowerCase(Locale.ROOT);

  /** The lower-case name used in reports and on the command line. */
  public String id() {
    return id;
  }

  /** Whether this severity is at least as bad as {@code other}. */
  public boolean atLeast(Severity other) {
    return ordinal() <= other.ordinal();
  }

  public static Severity parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown severity '" + text + "' (expected critical, high, medium, low or info)");
    }
  }
}
