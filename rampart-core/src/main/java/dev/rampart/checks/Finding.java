package dev.rampart.checks;

import java.util.List;

/**
 * A weakness found: the check's verdict on one object (and container, and field), with the check's
 * metadata, where it is, and how to fix it. The shape of a finding in every report.
 *
 * @param id the stable fingerprint: the same problem has the same id across scans
 * @param priority 0 to 100, from severity and context; see {@code dev.rampart.risk}
 * @param priorityReasons why the priority is what it is, in words
 */
public record Finding(
    String id,
    String checkId,
    String title,
    Severity severity,
    Category category,
    int priority,
    List<String> priorityReasons,
    Resource resource,
    Location location,
    String message,
    Evidence evidence,
    List<String> frameworks,
    Remediation remediation) {

  public Finding {
    priorityReasons = List.copyOf(priorityReasons);
    frameworks = List.copyOf(frameworks);
  }

  /** The object (and container) a finding is about. */
  public record Resource(
      String apiVersion, String kind, String namespace, String name, String container) {}

  /** Where the object was read from, when the input was a file. */
  public record Location(String file, int line, int document, String template) {}

  /** The offending field and its value (never a secret's value). */
  public record Evidence(String path, String value) {}

  public record Remediation(String text, Patch patch) {}

  public Finding withPriority(int newPriority, List<String> reasons) {
    return new Finding(
        id,
        checkId,
        title,
        severity,
        category,
        newPriority,
        reasons,
        resource,
        location,
        message,
        evidence,
        frameworks,
        remediation);
  }
}
