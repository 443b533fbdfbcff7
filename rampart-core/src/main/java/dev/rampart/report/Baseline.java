package dev.rampart.report;

import dev.rampart.checks.Finding;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A scan compared with an earlier one by finding fingerprint ({@code --baseline}): which findings
 * are new. Reports mark them, and {@code --fail-on-new} gates on them alone.
 *
 * @param against what the scan was compared with, in words: a stored scan's id or a file
 * @param newFindings the ids of the findings the baseline did not have
 * @param resolved how many findings of the baseline this scan no longer has
 * @param unchanged how many findings both have
 */
public record Baseline(String against, Set<String> newFindings, int resolved, int unchanged) {

  public Baseline {
    newFindings = Set.copyOf(newFindings);
  }

  public static Baseline compare(String against, Set<String> baseline, List<Finding> findings) {
    Set<String> current = new HashSet<>();
    Set<String> added = new HashSet<>();
    for (Finding f : findings) {
      current.add(f.id());
      if (!baseline.contains(f.id())) {
        added.add(f.id());
      }
    }
    int unchanged = (int) baseline.stream().filter(current::contains).count();
    return new Baseline(against, added, baseline.size() - unchanged, unchanged);
  }

  public boolean isNew(Finding f) {
    return newFindings.contains(f.id());
  }
}
