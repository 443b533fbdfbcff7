package dev.rampart.checks.version;

/**
 * Affected versions, as OSV writes them: from {@code introduced} (inclusive) up to {@code fixed}
 * (exclusive). No {@code introduced} means from the first version; no {@code fixed} means no
 * release of this line is fixed.
 */
public record VersionRange(Version introduced, Version fixed) {

  public boolean contains(Version v) {
    return (introduced == null || v.isAtLeast(introduced)) && (fixed == null || v.isBefore(fixed));
  }

  @Override
  public String toString() {
    String from = introduced == null ? "" : ">=" + introduced.core();
    String to = fixed == null ? "(no fix)" : "<" + fixed.core();
    return from.isEmpty() ? to : from + " " + to;
  }
}
