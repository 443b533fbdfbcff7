package dev.rampart.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rampart.checks.Finding;
import dev.rampart.report.JsonReportWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Writes one scan, its findings and their groups: in chunks of {@link #CHUNK} findings, committed
 * every few chunks, the scan marked complete (and so visible) by the last commit.
 */
final class ScanInsert {

  private static final String SCAN =
      "INSERT INTO scan (report_id, started_at, finished_at, duration_ms, source, cluster, score,"
          + " finding_count, attack_path_count, tool_version, scan_header, by_severity, by_category,"
          + " coverage, attack_paths, attack_path_bounds, asset_groups, exceptions_applied,"
          + " exceptions_expired) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String FINDING =
      "INSERT INTO finding (scan_id, position, finding_id, check_id, severity, severity_rank,"
          + " category, priority, kind, namespace, name, search_text, body_hash)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  // A chunk's bodies are looked up together and only the missing ones sent: a scan mostly has the
  // bodies of the one before. Inserted "unless present" in the dialect's own way, so that two saves
  // racing for the same new body do not fail: PostgreSQL's ON CONFLICT, H2's MERGE ... KEY.
  private static final String BODY_PG =
      "INSERT INTO finding_body (hash, body) VALUES (?, ?) ON CONFLICT (hash) DO NOTHING";
  private static final String BODY_H2 =
      "MERGE INTO finding_body (hash, body) KEY (hash) VALUES (?, ?)";
  private static final String GROUP =
      "INSERT INTO finding_group (scan_id, position, group_name) VALUES (?, ?, ?)";
  private static final String COMPLETE = "UPDATE scan SET complete = TRUE WHERE id = ?";
  private static final String CHECK =
      "INSERT INTO scan_check (scan_id, check_id, body) VALUES (?, ?, ?)";

  /** Findings per JDBC batch, and per lookup of existing bodies. */
  static final int CHUNK = 1000;

  /**
   * A scan of this many findings or more changes PostgreSQL's statistics enough to refresh them.
   */
  private static final int ANALYZE_FROM = 5000;

  // Commit every 20 chunks: one transaction of a million findings makes H2 keep an undo log and
  // old pages as big as the data. Until the last commit marks the scan complete, nobody sees it.
  private static final int CHUNKS_PER_COMMIT = 20;
  private static final String EXISTING =
      "SELECT hash FROM finding_body WHERE hash IN ("
          + String.join(", ", java.util.Collections.nCopies(CHUNK, "?"))
          + ")";

  private ScanInsert() {}

  static long save(DataSource dataSource, NewScan scan) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      long id = 0;
      try {
        id = insertScan(c, scan.header(), scan.result().findings().size());
        c.commit();
        insertFindings(c, id, scan);
        insertChecks(c, id, scan.checks());
        if (isPostgres(c) && scan.result().findings().size() >= ANALYZE_FROM) {
          c.commit();
          analyze(c);
        }
        try (PreparedStatement ps = c.prepareStatement(COMPLETE)) {
          ps.setLong(1, id);
          ps.executeUpdate();
        }
        c.commit();
        return id;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        discard(c, id);
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot store the scan: " + e.getMessage(), e);
    }
  }

  /** Removes what a failed save committed; a failure here leaves an incomplete scan, unseen. */
  private static void discard(Connection c, long id) {
    if (id == 0) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM scan WHERE id = ?")) {
      ps.setLong(1, id);
      ps.executeUpdate();
      c.commit();
    } catch (SQLException e) {
      // The original failure is what the caller needs to see.
    }
  }

  private static long insertScan(Connection c, ReportDocument report, int findings)
      throws SQLException {
    JsonNode scan = report.section("scan");
    JsonNode summary = report.section("summary");
    Instant started =
        scan.hasNonNull("startedAt")
            ? Instant.parse(scan.get("startedAt").asText())
            : Instant.now();
    long duration = scan.path("durationMs").asLong();
    try (PreparedStatement ps = c.prepareStatement(SCAN, Statement.RETURN_GENERATED_KEYS)) {
      Sql.bind(
          ps,
          Arrays.asList(
              scan.path("id").asText(),
              OffsetDateTime.ofInstant(started, ZoneOffset.UTC),
              OffsetDateTime.ofInstant(started.plusMillis(duration), ZoneOffset.UTC),
              duration,
              text(scan, "source"),
              text(scan, "cluster"),
              summary.path("score").asInt(),
              findings,
              report.section("attackPaths").size(),
              report.root().path("tool").path("version").asText(""),
              json(scan),
              json(summary.path("bySeverity")),
              json(summary.path("byCategory")),
              json(report.section("coverage")),
              json(report.section("attackPaths")),
              json(report.section("attackPathBounds")),
              json(report.section("assetGroups")),
              json(report.section("exceptionsApplied")),
              json(report.section("exceptionsExpired"))));
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        // PostgreSQL returns every column of the row, H2 the key alone: the id is first in both.
        return keys.getLong(1);
      }
    }
  }

  private static void insertFindings(Connection c, long scanId, NewScan scan) throws SQLException {
    boolean postgres = isPostgres(c);
    try (PreparedStatement f = c.prepareStatement(FINDING);
        PreparedStatement existing = c.prepareStatement(EXISTING);
        PreparedStatement b = c.prepareStatement(postgres ? BODY_PG : BODY_H2);
        PreparedStatement g = c.prepareStatement(GROUP)) {
      // The bodies of one chunk only: memory stays bounded whatever the size of the scan.
      Map<String, String> bodies = new LinkedHashMap<>();
      int position = 0;
      int chunks = 0;
      for (Finding finding : scan.result().findings()) {
        Finding.Resource resource = finding.resource();
        String body = JsonReportWriter.finding(finding);
        String hash = sha256(body);
        bodies.putIfAbsent(hash, body);
        f.setLong(1, scanId);
        f.setInt(2, position);
        f.setString(3, finding.id());
        f.setString(4, finding.checkId());
        f.setString(5, finding.severity().id());
        f.setInt(6, finding.severity().ordinal());
        f.setString(7, finding.category().id());
        f.setInt(8, finding.priority());
        f.setString(9, resource.kind());
        f.setString(10, resource.namespace());
        f.setString(11, resource.name());
        f.setString(12, searchText(finding));
        f.setString(13, hash);
        f.addBatch();
        for (String group : scan.groupsByFinding().getOrDefault(finding.id(), List.of())) {
          g.setLong(1, scanId);
          g.setInt(2, position);
          g.setString(3, group);
          g.addBatch();
        }
        if (++position % CHUNK == 0) {
          flush(existing, b, f, g, bodies);
          if (++chunks % CHUNKS_PER_COMMIT == 0) {
            c.commit();
          }
        }
      }
      flush(existing, b, f, g, bodies);
    }
  }

  /** Sends one chunk: the bodies not stored yet (before the rows that name them), then the rows. */
  private static void flush(
      PreparedStatement existing,
      PreparedStatement b,
      PreparedStatement f,
      PreparedStatement g,
      Map<String, String> bodies)
      throws SQLException {
    if (bodies.isEmpty()) {
      return;
    }
    removeStored(existing, bodies);
    for (Map.Entry<String, String> e : bodies.entrySet()) {
      b.setString(1, e.getKey());
      b.setString(2, e.getValue());
      b.addBatch();
    }
    if (!bodies.isEmpty()) {
      b.executeBatch();
    }
    bodies.clear();
    f.executeBatch();
    g.executeBatch();
  }

  /** Drops from {@code bodies} those already in the database: one query for a whole chunk. */
  private static void removeStored(PreparedStatement existing, Map<String, String> bodies)
      throws SQLException {
    // A chunk holds at most CHUNK distinct bodies; the unused placeholders repeat the first hash.
    String first = bodies.keySet().iterator().next();
    int i = 1;
    for (String hash : bodies.keySet()) {
      existing.setString(i++, hash);
    }
    while (i <= CHUNK) {
      existing.setString(i++, first);
    }
    try (ResultSet rs = existing.executeQuery()) {
      while (rs.next()) {
        bodies.remove(rs.getString(1));
      }
    }
  }

  /**
   * Fresh statistics before the scan becomes visible: without them PostgreSQL plans the first
   * queries of a freshly loaded scan for a handful of rows (its id is beyond every histogram).
   */
  private static void analyze(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("ANALYZE finding");
      s.execute("ANALYZE finding_group");
      s.execute("ANALYZE finding_body");
    }
    c.commit();
  }

  static boolean isPostgres(Connection c) throws SQLException {
    return "PostgreSQL".equalsIgnoreCase(c.getMetaData().getDatabaseProductName());
  }

  private static void insertChecks(
      Connection c, long scanId, Map<String, Map<String, Object>> checks) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(CHECK)) {
      for (Map.Entry<String, Map<String, Object>> e : checks.entrySet()) {
        Sql.bind(ps, List.of(scanId, e.getKey(), json(e.getValue())));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** What {@code q} searches: title, message and the resource, lower-cased once here. */
  static String searchText(Finding f) {
    Finding.Resource r = f.resource();
    return String.join(
            "\n",
            f.title(),
            f.message(),
            r.kind() + "/" + Objects.toString(r.namespace(), "") + "/" + r.name(),
            Objects.toString(r.container(), ""))
        .toLowerCase(Locale.ROOT);
  }

  static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  static String json(Object value) {
    try {
      return ReportDocument.JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new StoreException("cannot serialize " + value.getClass().getSimpleName(), e);
    }
  }
}
