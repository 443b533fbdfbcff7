package dev.rampart.report;

import dev.rampart.checks.CheckDescriptor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The public JSON shape of a check (`rampart checks -f json`, the REST API's finding detail):
 * lower-case severity and category ids.
 */
public final class CheckJson {

  private CheckJson() {}

  public static Map<String, Object> of(CheckDescriptor d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", d.id());
    m.put("title", d.title());
    m.put("severity", d.severity().id());
    m.put("category", d.category().id());
    m.put("frameworks", d.frameworks());
    m.put("why", d.why());
    m.put("remediation", d.remediation());
    if (!d.notes().isEmpty()) {
      m.put("notes", d.notes());
    }
    return m;
  }
}
