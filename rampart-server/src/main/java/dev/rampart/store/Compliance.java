package dev.rampart.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A scan's findings per compliance framework and control, optionally for one asset group: what the
 * dashboard's asset-group view shows. Counted from the stored check metadata (a check's framework
 * references, e.g. {@code cis-k8s-1.9:5.2.2}) and the number of findings of each check, so that it
 * costs one grouped query however many findings the scan has.
 *
 * @param group the asset group counted, or null for the whole scan
 * @param frameworks the four frameworks of the catalog first, in a fixed order, then any other
 */
public record Compliance(String group, List<Framework> frameworks) {

  /** The frameworks every check maps to, in the order the dashboard shows them. */
  static final List<String> KNOWN = List.of("pss", "cis-k8s-1.9", "nsa-cisa", "mitre");

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * @param findings findings of checks that map to at least one control of the framework
   * @param controls the controls with findings, most findings first
   */
  public record Framework(String framework, long findings, List<Control> controls) {}

  /** One control, e.g. {@code 5.2.2}, with the findings and the checks that map to it. */
  public record Control(String control, long findings, List<String> checks) {}

  static Compliance query(Sql sql, long scanId, String group) {
    List<Object> params = new ArrayList<>(List.of(scanId));
    String where = "WHERE f.scan_id = ?";
    if (group != null) {
      where +=
          " AND EXISTS (SELECT 1 FROM finding_group g WHERE g.scan_id = f.scan_id"
              + " AND g.position = f.position AND g.group_name = ?)";
      params.add(group);
    }
    Map<String, Long> byCheck = new TreeMap<>();
    for (Object[] row :
        sql.query(
            "SELECT f.check_id, COUNT(*) FROM finding f " + where + " GROUP BY f.check_id",
            params,
            rs -> new Object[] {rs.getString(1), rs.getLong(2)})) {
      byCheck.put((String) row[0], (Long) row[1]);
    }
    Map<String, List<String>> frameworksByCheck = new LinkedHashMap<>();
    for (Object[] row :
        sql.query(
            "SELECT check_id, body FROM scan_check WHERE scan_id = ?",
            List.of(scanId),
            rs -> new Object[] {rs.getString(1), rs.getString(2)})) {
      frameworksByCheck.put((String) row[0], references((String) row[1]));
    }
    return count(group, byCheck, frameworksByCheck);
  }

  /** Pure counting, separate from the SQL so that it can be tested on its own. */
  static Compliance count(
      String group, Map<String, Long> findingsByCheck, Map<String, List<String>> refsByCheck) {
    Map<String, Long> frameworkFindings = new TreeMap<>();
    Map<String, Map<String, Long>> controlFindings = new TreeMap<>();
    Map<String, Map<String, TreeSet<String>>> controlChecks = new TreeMap<>();
    for (Map.Entry<String, Long> e : findingsByCheck.entrySet()) {
      TreeSet<String> frameworksOfCheck = new TreeSet<>();
      for (String ref : refsByCheck.getOrDefault(e.getKey(), List.of())) {
        int colon = ref.indexOf(':');
        if (colon <= 0) {
          continue;
        }
        String framework = ref.substring(0, colon);
        String control = ref.substring(colon + 1);
        frameworksOfCheck.add(framework);
        controlFindings
            .computeIfAbsent(framework, k -> new TreeMap<>())
            .merge(control, e.getValue(), Long::sum);
        controlChecks
            .computeIfAbsent(framework, k -> new TreeMap<>())
            .computeIfAbsent(control, k -> new TreeSet<>())
            .add(e.getKey());
      }
      // A check citing three CIS controls still counts its findings once for CIS.
      frameworksOfCheck.forEach(f -> frameworkFindings.merge(f, e.getValue(), Long::sum));
    }
    List<String> order = new ArrayList<>(KNOWN);
    frameworkFindings.keySet().stream().filter(f -> !KNOWN.contains(f)).forEach(order::add);
    List<Framework> frameworks = new ArrayList<>();
    for (String f : order) {
      List<Control> controls = new ArrayList<>();
      controlFindings
          .getOrDefault(f, Map.of())
          .forEach(
              (c, n) -> controls.add(new Control(c, n, List.copyOf(controlChecks.get(f).get(c)))));
      controls.sort(Comparator.comparingLong(Control::findings).reversed());
      frameworks.add(new Framework(f, frameworkFindings.getOrDefault(f, 0L), controls));
    }
    return new Compliance(group, frameworks);
  }

  private static List<String> references(String checkJson) {
    List<String> refs = new ArrayList<>();
    try {
      JSON.readTree(checkJson).path("frameworks").forEach((JsonNode n) -> refs.add(n.asText()));
    } catch (JsonProcessingException e) {
      throw new StoreException("a stored check is not JSON: " + e.getOriginalMessage(), e);
    }
    return refs;
  }
}
