package dev.rampart.checks;

import java.util.List;

/** The metadata of a check as a value: what {@link CheckInfo} declares. */
public record CheckDescriptor(
    String id,
    String title,
    Severity severity,
    Category category,
    List<String> frameworks,
    String why,
    String remediation,
    String notes) {

  public static CheckDescriptor of(Class<? extends Check> type) {
    CheckInfo info = type.getAnnotation(CheckInfo.class);
    if (info == null) {
      throw new IllegalStateException(type.getName() + " has no @CheckInfo");
    }
    return new CheckDescriptor(
        info.id(),
        info.title(),
        info.severity(),
        info.category(),
        List.of(info.frameworks()),
        info.why().strip(),
        info.remediation().strip(),
        info.notes().strip());
  }

  /** The same check with another severity (a {@code rampart.yaml} override). */
  public CheckDescriptor withSeverity(Severity newSeverity) {
    return new CheckDescriptor(
        id, title, newSeverity, category, frameworks, why, remediation, notes);
  }
}
