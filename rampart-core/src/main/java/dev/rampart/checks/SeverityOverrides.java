package dev.rampart.checks;

import java.util.Map;

/** Severities a user set for some checks in {@code rampart.yaml}, by check id. */
public record SeverityOverrides(Map<String, Severity> byCheck) {

  public static final SeverityOverrides NONE = new SeverityOverrides(Map.of());

  public SeverityOverrides {
    byCheck = Map.copyOf(byCheck);
  }

  public CheckDescriptor apply(CheckDescriptor d) {
    Severity s = byCheck.get(d.id());
    return s == null ? d : d.withSeverity(s);
  }
}
