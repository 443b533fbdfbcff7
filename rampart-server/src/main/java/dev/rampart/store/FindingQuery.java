package dev.rampart.store;

import dev.rampart.checks.Category;
import dev.rampart.checks.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which findings of a scan to list, and in what order. Every list is "any of"; the filters combine
 * with "and". Validated on construction so that a bad filter is a 400, never an empty page.
 *
 * @param group asset group names: findings on objects of any of them
 * @param text case-insensitive text over title, message and resource
 */
public record FindingQuery(
    List<String> severities,
    List<String> categories,
    List<String> namespaces,
    List<String> groups,
    List<String> checks,
    String text,
    Sort sort,
    int offset,
    int limit) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 1000;

  /** Orders of the list; each ends with the report's order, so pages never overlap. */
  public enum Sort {
    // Each starts with scan_id, the same for every row: H2 then reads the primary key (scan_id,
    // position) in order and stops after a page, where "ORDER BY position" made it sort the whole
    // scan (1 s for 160 000 findings). PostgreSQL needs no such hint and is not hindered by it.
    PRIORITY("priority", "f.scan_id, f.position"),
    SEVERITY("severity", "f.scan_id, f.severity_rank, f.position"),
    CHECK("check", "f.scan_id, f.check_id, f.position"),
    RESOURCE("resource", "f.scan_id, f.kind, f.namespace, f.name, f.position");

    private final String id;
    private final String orderBy;

    Sort(String id, String orderBy) {
      this.id = id;
      this.orderBy = orderBy;
    }

    String orderBy() {
      return orderBy;
    }

    static Sort parse(String text) {
      for (Sort s : values()) {
        if (s.id.equals(text)) {
          return s;
        }
      }
      throw new IllegalArgumentException(
          "unknown sort '" + text + "' (expected priority, severity, check or resource)");
    }
  }

  public FindingQuery {
    severities = List.copyOf(severities);
    categories = List.copyOf(categories);
    namespaces = List.copyOf(namespaces);
    groups = List.copyOf(groups);
    checks = List.copyOf(checks);
    severities.forEach(Severity::parse);
    for (String c : categories) {
      if (Arrays.stream(Category.values()).noneMatch(k -> k.id().equals(c))) {
        throw new IllegalArgumentException("unknown category '" + c + "'");
      }
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be 0 or more, not " + offset);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
    }
  }

  public static FindingQuery all() {
    return new FindingQuery(
        List.of(), List.of(), List.of(), List.of(), List.of(), null, Sort.PRIORITY, 0, MAX_LIMIT);
  }

  /**
   * From the query parameters of {@code GET /api/v1/scans/{id}/findings}: comma-separated lists,
   * {@code sort}, {@code offset}, {@code limit}.
   *
   * @throws IllegalArgumentException naming the bad parameter
   */
  public static FindingQuery parse(Map<String, String> params) {
    return new FindingQuery(
        lower(list(params.get("severity"))),
        list(params.get("category")),
        list(params.get("namespace")),
        list(params.get("group")),
        list(params.get("check")),
        blankToNull(params.get("q")),
        params.get("sort") == null || params.get("sort").isBlank()
            ? Sort.PRIORITY
            : Sort.parse(params.get("sort")),
        number(params, "offset", 0),
        number(params, "limit", DEFAULT_LIMIT));
  }

  /** The WHERE clause after {@code scan_id = ?}, with its parameters appended to {@code params}. */
  String where(List<Object> params) {
    StringBuilder sql = new StringBuilder();
    in(sql, params, "severity", severities);
    in(sql, params, "category", categories);
    in(sql, params, "namespace", namespaces);
    in(sql, params, "check_id", checks);
    if (!groups.isEmpty()) {
      sql.append(
          " AND EXISTS (SELECT 1 FROM finding_group g WHERE g.scan_id = f.scan_id"
              + " AND g.position = f.position AND g.group_name IN (");
      sql.append(placeholders(groups.size())).append("))");
      params.addAll(groups);
    }
    if (text != null) {
      sql.append(" AND f.search_text LIKE ? ESCAPE '\\'");
      params.add("%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%");
    }
    return sql.toString();
  }

  /** Whether any filter narrows the list (sort and paging do not). */
  boolean filtered() {
    return !severities.isEmpty()
        || !categories.isEmpty()
        || !namespaces.isEmpty()
        || !groups.isEmpty()
        || !checks.isEmpty()
        || text != null;
  }

  /** Whether the group filter is the only one. */
  boolean groupsOnly() {
    return !groups.isEmpty()
        && severities.isEmpty()
        && categories.isEmpty()
        && namespaces.isEmpty()
        && checks.isEmpty()
        && text == null;
  }

  String orderBy() {
    return sort.orderBy();
  }

  private static void in(
      StringBuilder sql, List<Object> params, String column, List<String> values) {
    if (!values.isEmpty()) {
      sql.append(" AND f.").append(column).append(" IN (").append(placeholders(values.size()));
      sql.append(')');
      params.addAll(values);
    }
  }

  private static String placeholders(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static List<String> list(String value) {
    List<String> result = new ArrayList<>();
    if (value != null) {
      for (String part : value.split(",")) {
        if (!part.isBlank()) {
          result.add(part.trim());
        }
      }
    }
    return result;
  }

  private static List<String> lower(List<String> values) {
    return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static int number(Map<String, String> params, String name, int fallback) {
    String value = params.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, not '" + value + "'");
    }
  }
}
