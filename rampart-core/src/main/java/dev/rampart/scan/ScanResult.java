package dev.rampart.scan;

import dev.rampart.checks.Finding;
import java.time.Instant;
import java.util.List;

/**
 * Everything one scan produced, ready to render or store. Findings are sorted by priority, highest
 * first.
 *
 * @param id a unique id of this scan
 * @param source what was scanned: paths, {@code demo}, a kube context
 * @param cluster the cluster name used in fingerprints
 */
public record ScanResult(
    String id,
    Instant startedAt,
    long durationMs,
    String source,
    String cluster,
    Coverage coverage,
    Summary summary,
    List<Finding> findings,
    List<AppliedException> exceptionsApplied,
    List<ExpiredException> exceptionsExpired) {

  public ScanResult {
    findings = List.copyOf(findings);
    exceptionsApplied = List.copyOf(exceptionsApplied);
    exceptionsExpired = List.copyOf(exceptionsExpired);
  }

  /** Whether some input could not be read or parsed (exit code 3). */
  public boolean hasInputErrors() {
    return !coverage.errors().isEmpty();
  }
}
