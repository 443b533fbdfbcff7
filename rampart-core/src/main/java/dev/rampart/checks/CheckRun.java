package dev.rampart.checks;

import java.util.List;

/**
 * What running the checks produced: the findings and, per check, how many objects passed, failed or
 * were not applicable, and why a check could not be evaluated.
 */
public record CheckRun(List<Finding> findings, List<Tally> tallies) {

  public CheckRun {
    findings = List.copyOf(findings);
    tallies = List.copyOf(tallies);
  }

  /** One check's outcomes. {@code notEvaluated} holds a reason for each time it could not run. */
  public record Tally(
      String checkId, int passed, int failed, int notApplicable, List<String> notEvaluated) {

    public Tally {
      notEvaluated = List.copyOf(notEvaluated);
    }
  }
}
