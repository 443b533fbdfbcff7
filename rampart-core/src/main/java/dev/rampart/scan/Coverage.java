package dev.rampart.scan;

import dev.rampart.checks.CheckRun;
import dev.rampart.snapshot.InputProblem;
import java.util.List;
import java.util.Map;

/**
 * What was and was not evaluated, and why.
 *
 * @param objects how many objects were read
 * @param byKind how many of each kind
 * @param notEvaluated each check that could not be evaluated, with the reason
 * @param errors inputs that could not be read or parsed
 * @param warnings inputs that were skipped without being an error (empty files, non-Kubernetes
 *     YAML)
 * @param checks per check: passed, failed, not applicable
 */
public record Coverage(
    int objects,
    Map<String, Integer> byKind,
    List<NotEvaluated> notEvaluated,
    List<InputProblem> errors,
    List<InputProblem> warnings,
    List<CheckRun.Tally> checks) {

  public Coverage {
    byKind = Map.copyOf(byKind);
    notEvaluated = List.copyOf(notEvaluated);
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
    checks = List.copyOf(checks);
  }

  public record NotEvaluated(String checkId, String reason) {}
}
