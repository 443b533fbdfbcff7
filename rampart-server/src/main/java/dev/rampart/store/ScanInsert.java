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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/** Writes one scan, its findings and their groups in a single transaction. */
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
  // Portable "insert unless present" (no MERGE or ON CONFLICT, which differ between the two).
  private static final String BODY =
      "INSERT INTO finding_body (hash, body) SELECT ?, ?"
          + " WHERE NOT EXISTS (SELECT 1 FROM finding_body WHERE hash = ?)";
  private static final String GROUP =
      "INSERT INTO finding_group (scan_id, position, group_name) VALUES (?, ?, ?)";
  private static final String COMPLETE = "UPDATE scan SET complete = TRUE WHERE id = ?";
  private static final String CHECK =
      "INSERT INTO scan_check (scan_id, check_id, body) VALUES (?, ?, ?)";
  private static final int BATCH = 500;
  // Commit every 20 batches: one transaction of a million findings makes H2 keep an undo log and
  // old pages as big as the data. Until the last commit marks the scan complete, nobody sees it.
  private static final int BATCHES_PER_COMMIT = 20;

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
    try (PreparedStatement f = c.prepareStatement(FINDING);
        PreparedStatement b = c.prepareStatement(BODY);
        PreparedStatement g = c.prepareStatement(GROUP)) {
      int position = 0;
      for (Finding finding : scan.result().findings()) {
        Finding.Resource resource = finding.resource();
        String body = JsonReportWriter.finding(finding);
        String hash = sha256(body);
        // Batched too: each statement of a batch sees the rows the ones before it inserted, so two
        // equal bodies in one batch are stored once.
        Sql.bind(b, List.of(hash, body, hash));
        b.addBatch();
        Sql.bind(
            f,
            Arrays.asList(
                scanId,
                position,
                finding.id(),
                finding.checkId(),
                finding.severity().id(),
                finding.severity().ordinal(),
                finding.category().id(),
                finding.priority(),
                resource.kind(),
                resource.namespace(),
                resource.name(),
                searchText(finding),
                hash));
        f.addBatch();
        for (String group : scan.groupsByFinding().getOrDefault(finding.id(), List.of())) {
          Sql.bind(g, List.of(scanId, position, group));
          g.addBatch();
        }
        if (++position % BATCH == 0) {
          b.executeBatch();
          f.executeBatch();
          g.executeBatch();
          if (position % (BATCH * BATCHES_PER_COMMIT) == 0) {
            c.commit();
          }
        }
      }
      b.executeBatch();
      f.executeBatch();
      g.executeBatch();
    }
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
