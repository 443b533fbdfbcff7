package dev.rampart.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rampart.report.JsonReportWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The stored scans: saving one, and every question the REST API and {@code --baseline} ask. A
 * method about one scan answers empty when there is no scan of that id.
 */
public final class ScanStore {

  private static final String SUMMARY_COLUMNS =
      "id, scan_header, duration_ms, source, cluster, score, by_severity, by_category,"
          + " finding_count, attack_path_count";

  private final DataSource dataSource;
  private final Sql sql;

  public ScanStore(DataSource dataSource) {
    this.dataSource = dataSource;
    this.sql = new Sql(dataSource);
  }

  /** Stores a scan and returns its id, the one the API uses. */
  public long save(NewScan scan) {
    return ScanInsert.save(dataSource, scan);
  }

  /** Every scan, newest first. */
  public List<ScanSummary> list() {
    return sql.query(
        "SELECT " + SUMMARY_COLUMNS + " FROM scan WHERE complete ORDER BY started_at DESC, id DESC",
        List.of(),
        ScanStore::summary);
  }

  public Optional<ScanSummary> summary(long id) {
    return first(
        sql.query(
            "SELECT " + SUMMARY_COLUMNS + " FROM scan WHERE id = ? AND complete",
            List.of(id),
            ScanStore::summary));
  }

  public Optional<ScanDetail> detail(long id) {
    return first(
        sql.query(
            "SELECT "
                + SUMMARY_COLUMNS
                + ", coverage, asset_groups, exceptions_applied, exceptions_expired"
                + " FROM scan WHERE id = ? AND complete",
            List.of(id),
            rs ->
                new ScanDetail(
                    summary(rs),
                    tree(rs.getString("coverage")),
                    tree(rs.getString("asset_groups")),
                    tree(rs.getString("exceptions_applied")),
                    tree(rs.getString("exceptions_expired")))));
  }

  public Optional<FindingPage> findings(long id, FindingQuery query) {
    Optional<ScanSummary> scan = summary(id);
    if (scan.isEmpty()) {
      return Optional.empty();
    }
    List<Object> params = new ArrayList<>(List.of(id));
    // Filter, count and page on the finding rows alone; then read the bodies of one page.
    String where = "FROM finding f WHERE f.scan_id = ?" + query.where(params);
    long total;
    if (!query.filtered()) {
      // The count stored with the scan: never a count of its rows per page.
      total = scan.get().findings();
    } else if (query.groupsOnly()) {
      // On the group rows alone, by their index: far fewer than the scan's findings.
      List<Object> groupParams = new ArrayList<>(List.of(id));
      groupParams.addAll(query.groups());
      total =
          sql.count(
              "SELECT COUNT(DISTINCT g.position) FROM finding_group g WHERE g.scan_id = ?"
                  + " AND g.group_name IN ("
                  + String.join(", ", java.util.Collections.nCopies(query.groups().size(), "?"))
                  + ")",
              groupParams);
    } else {
      total = sql.count("SELECT COUNT(*) " + where, params);
    }
    List<Object> page = new ArrayList<>(params);
    page.add(query.limit());
    page.add(query.offset());
    List<String> hashes =
        sql.query(
            "SELECT f.body_hash " + where + " ORDER BY " + query.orderBy() + " LIMIT ? OFFSET ?",
            page,
            rs -> rs.getString(1));
    List<JsonNode> items = bodies(hashes);
    return Optional.of(new FindingPage(total, query.offset(), query.limit(), items));
  }

  /** The bodies of these hashes, in their order. */
  private List<JsonNode> bodies(List<String> hashes) {
    if (hashes.isEmpty()) {
      return List.of();
    }
    Map<String, JsonNode> byHash = new java.util.HashMap<>();
    sql.query(
        "SELECT hash, body FROM finding_body WHERE hash IN ("
            + String.join(", ", java.util.Collections.nCopies(hashes.size(), "?"))
            + ")",
        hashes,
        rs -> byHash.put(rs.getString(1), tree(rs.getString(2))));
    return hashes.stream().map(byHash::get).toList();
  }

  /** One finding of a scan by its fingerprint. */
  public Optional<JsonNode> finding(long scanId, String findingId) {
    return first(
        sql.query(
            "SELECT b.body FROM finding f JOIN finding_body b ON b.hash = f.body_hash"
                + " WHERE f.scan_id = ? AND f.finding_id = ?"
                + " AND EXISTS (SELECT 1 FROM scan s WHERE s.id = f.scan_id AND s.complete)"
                + " ORDER BY f.position",
            List.of(scanId, findingId),
            rs -> tree(rs.getString(1))));
  }

  /** A check's metadata as it was when the scan ran. */
  public Optional<JsonNode> check(long scanId, String checkId) {
    return first(
        sql.query(
            "SELECT body FROM scan_check WHERE scan_id = ? AND check_id = ?",
            List.of(scanId, checkId),
            rs -> tree(rs.getString(1))));
  }

  /** Findings per compliance framework and control, of the whole scan or of one asset group. */
  public Optional<Compliance> compliance(long id, String group) {
    if (summary(id).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Compliance.query(sql, id, group));
  }

  public Optional<JsonNode> attackPaths(long id) {
    return first(
        sql.query(
            "SELECT attack_paths FROM scan WHERE id = ? AND complete",
            List.of(id),
            rs -> tree(rs.getString(1))));
  }

  /** The fingerprints of a scan's findings, for {@code --baseline SCAN-ID}. */
  public Optional<Set<String>> findingIds(long id) {
    if (summary(id).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new java.util.LinkedHashSet<>(
            sql.query(
                "SELECT finding_id FROM finding WHERE scan_id = ? ORDER BY position",
                List.of(id),
                rs -> rs.getString(1))));
  }

  /** New, resolved and unchanged findings from scan {@code from} to scan {@code to}. */
  public Optional<ScanDiff> diff(long from, long to) {
    if (summary(from).isEmpty() || summary(to).isEmpty()) {
      return Optional.empty();
    }
    String only =
        "SELECT fb.body FROM finding a JOIN finding_body fb ON fb.hash = a.body_hash"
            + " WHERE a.scan_id = ? AND NOT EXISTS (SELECT 1 FROM finding b"
            + " WHERE b.scan_id = ? AND b.finding_id = a.finding_id) ORDER BY a.position";
    List<JsonNode> added = sql.query(only, List.of(to, from), rs -> tree(rs.getString(1)));
    List<JsonNode> resolved = sql.query(only, List.of(from, to), rs -> tree(rs.getString(1)));
    long unchanged =
        sql.count(
            "SELECT COUNT(DISTINCT a.finding_id) FROM finding a WHERE a.scan_id = ? AND EXISTS"
                + " (SELECT 1 FROM finding b WHERE b.scan_id = ? AND b.finding_id = a.finding_id)",
            List.of(to, from));
    return Optional.of(new ScanDiff(from, to, added, resolved, unchanged));
  }

  /** Every scan's score and counts by severity, oldest first. */
  public List<TrendPoint> trend() {
    return sql.query(
        "SELECT id, scan_header, score, by_severity FROM scan WHERE complete ORDER BY started_at, id",
        List.of(),
        rs -> new TrendPoint(rs.getLong(1), startedAt(rs), rs.getInt(3), tree(rs.getString(4))));
  }

  /** Every asset group of any stored scan: its latest posture and its trend. */
  public List<GroupHistory> groups() {
    Map<String, List<TrendPoint>> trends = new LinkedHashMap<>();
    Map<String, JsonNode> latest = new LinkedHashMap<>();
    sql.query(
        "SELECT id, scan_header, asset_groups FROM scan WHERE complete ORDER BY started_at, id",
        List.of(),
        rs -> {
          long id = rs.getLong(1);
          String started = startedAt(rs);
          for (JsonNode g : tree(rs.getString(3))) {
            String name = g.path("name").asText();
            latest.put(name, g);
            trends
                .computeIfAbsent(name, k -> new ArrayList<>())
                .add(new TrendPoint(id, started, g.path("score").asInt(), g.path("bySeverity")));
          }
          return id;
        });
    List<GroupHistory> result = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : latest.entrySet()) {
      JsonNode g = e.getValue();
      result.add(
          new GroupHistory(
              e.getKey(),
              g.hasNonNull("criticality") ? g.get("criticality").asText() : null,
              g.hasNonNull("description") ? g.get("description").asText() : null,
              g,
              trends.get(e.getKey())));
    }
    return result;
  }

  /** The whole JSON report of a stored scan, as {@code rampart scan -f json} wrote it. */
  public Optional<ReportDocument> report(long id) {
    return first(
            sql.query(
                "SELECT * FROM scan WHERE id = ? AND complete", List.of(id), rs -> header(rs)))
        .map(
            root -> {
              ArrayNode findings = root.putArray("findings");
              sql.query(
                  "SELECT b.body FROM finding f JOIN finding_body b ON b.hash = f.body_hash"
                      + " WHERE f.scan_id = ? ORDER BY f.position",
                  List.of(id),
                  rs -> findings.add(tree(rs.getString(1))));
              return ReportDocument.of(reorder(root));
            });
  }

  private static ObjectNode header(ResultSet rs) throws SQLException {
    ObjectNode root = ReportDocument.JSON.createObjectNode();
    root.put("schemaVersion", JsonReportWriter.SCHEMA_VERSION);
    ObjectNode tool = root.putObject("tool");
    tool.put("name", "rampart");
    tool.put("version", rs.getString("tool_version"));
    root.set("scan", tree(rs.getString("scan_header")));
    root.set("coverage", tree(rs.getString("coverage")));
    ObjectNode summary = root.putObject("summary");
    summary.set("bySeverity", tree(rs.getString("by_severity")));
    summary.set("byCategory", tree(rs.getString("by_category")));
    summary.put("score", rs.getInt("score"));
    root.set("attackPaths", tree(rs.getString("attack_paths")));
    root.set("attackPathBounds", tree(rs.getString("attack_path_bounds")));
    root.set("assetGroups", tree(rs.getString("asset_groups")));
    root.set("exceptionsApplied", tree(rs.getString("exceptions_applied")));
    root.set("exceptionsExpired", tree(rs.getString("exceptions_expired")));
    return root;
  }

  /** The report's own field order: findings come before the attack paths. */
  private static ObjectNode reorder(ObjectNode root) {
    ObjectNode ordered = ReportDocument.JSON.createObjectNode();
    for (String field :
        List.of(
            "schemaVersion",
            "tool",
            "scan",
            "coverage",
            "summary",
            "findings",
            "attackPaths",
            "attackPathBounds",
            "assetGroups",
            "exceptionsApplied",
            "exceptionsExpired")) {
      ordered.set(field, root.get(field));
    }
    return ordered;
  }

  private static ScanSummary summary(ResultSet rs) throws SQLException {
    return new ScanSummary(
        rs.getLong("id"),
        startedAt(rs),
        rs.getLong("duration_ms"),
        rs.getString("source"),
        rs.getString("cluster"),
        rs.getInt("score"),
        tree(rs.getString("by_severity")),
        tree(rs.getString("by_category")),
        rs.getInt("finding_count"),
        rs.getInt("attack_path_count"));
  }

  /** As the report says it, to the nanosecond where the scanner's clock had them. */
  private static String startedAt(ResultSet rs) throws SQLException {
    return tree(rs.getString("scan_header")).path("startedAt").asText();
  }

  static JsonNode tree(String json) {
    try {
      return ReportDocument.JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new StoreException("a stored scan holds invalid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static <T> Optional<T> first(List<T> list) {
    return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
  }
}
