package dev.rampart.scan;

import java.util.Map;

/**
 * Counts of findings by severity (lower-case ids, every severity present) and category, and the
 * posture score: the severity-weighted share of evaluations that passed, 0 to 100.
 */
public record Summary(Map<String, Integer> bySeverity, Map<String, Integer> byCategory, int score) {

  public Summary {
    bySeverity = Map.copyOf(bySeverity);
    byCategory = Map.copyOf(byCategory);
  }
}
