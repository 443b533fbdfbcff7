package dev.rampart.checks;

import dev.rampart.checks.pss.PrivilegedContainer;
import java.util.List;

/** The registry: every check Rampart ships, in catalog order. */
public final class BuiltInChecks {

  private BuiltInChecks() {}

  public static List<Check> all() {
    return List.of(new PrivilegedContainer());
  }
}
