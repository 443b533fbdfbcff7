package dev.rampart.scan;

import dev.rampart.checks.Severity;
import java.time.Instant;
import java.util.List;

/**
 * How to scan.
 *
 * @param namespaces only report findings in these namespaces; empty for all
 * @param minSeverity leave out findings below this severity
 * @param now the scan time (exception expiry, dates)
 */
public record ScanOptions(List<String> namespaces, Severity minSeverity, Instant now) {

  public ScanOptions {
    namespaces = List.copyOf(namespaces);
    minSeverity = minSeverity == null ? Severity.INFO : minSeverity;
    now = now == null ? Instant.now() : now;
  }

  public static ScanOptions defaults() {
    return new ScanOptions(List.of(), Severity.INFO, Instant.now());
  }
}
