package dev.rampart.scan;

import dev.rampart.checks.Finding;
import dev.rampart.graph.AttackPath;
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
    List<ExpiredException> exceptionsExpired,
    List<AttackPath> attackPaths,
    List<String> attackPathBounds,
    List<AssetGroupPosture> assetGroups) {

  public ScanResult {
    attackPaths = attackPaths == null ? List.of() : List.copyOf(attackPaths);
    attackPathBounds = attackPathBounds == null ? List.of() : List.copyOf(attackPathBounds);
    assetGroups = assetGroups == null ? List.of() : List.copyOf(assetGroups);
    findings = List.copyOf(findings);
    exceptionsApplied = List.copyOf(exceptionsApplied);
    exceptionsExpired = List.copyOf(exceptionsExpired);
  }

  /** A result without attack paths or asset groups. */
  public ScanResult(
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
    this(
        id,
        startedAt,
        durationMs,
        source,
        cluster,
        coverage,
        summary,
        findings,
        exceptionsApplied,
        exceptionsExpired,
        List.of(),
        List.of(),
        List.of());
  }

  /** Whether some input could not be read or parsed (exit code 3). */
  public boolean hasInputErrors() {
    return !coverage.errors().isEmpty();
  }
}
