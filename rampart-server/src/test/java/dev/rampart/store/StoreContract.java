package dev.rampart.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The store's behaviour, run against each database (H2 and PostgreSQL). Answers are checked against
 * the report the scanner wrote, filtered in memory: an oracle independent of the SQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreContract {

  private TestDatabase db;
  private ScanStore store;
  private TestScans.Scanned demo;
  private TestScans.Scanned withoutPayments;
  private long first;
  private long second;

  abstract TestDatabase open();

  @BeforeAll
  void storeTwoScans() {
    db = open();
    store = new ScanStore(db.database().dataSource());
    demo = TestScans.demo();
    withoutPayments =
        TestScans.demo(
            o -> !"payments".equals(o.resource().getMetadata().getNamespace()),
            Instant.parse("2026-01-02T10:00:00Z"));
    first = store.save(demo.scan());
    second = store.save(withoutPayments.scan());
  }

  @AfterAll
  void close() {
    db.close();
  }

  @Test
  void aStoredScanReadsBackAsTheReportTheWriterProduced() {
    ReportDocument original = demo.scan().report();
    ReportDocument stored = store.report(first).orElseThrow();
    assertThat(stored.root()).isEqualTo(original.root());
    assertThat(stored.findings()).hasSizeGreaterThan(100);
  }

  @Test
  void aFindingBodyThatScansShareIsStoredOnce() {
    Sql sql = new Sql(db.database().dataSource());
    List<Object> both = List.of(first, second);
    long rows = sql.count("SELECT COUNT(*) FROM finding WHERE scan_id IN (?, ?)", both);
    long bodies =
        sql.count(
            "SELECT COUNT(*) FROM finding_body WHERE hash IN"
                + " (SELECT body_hash FROM finding WHERE scan_id IN (?, ?))",
            both);
    long distinct =
        sql.count("SELECT COUNT(DISTINCT body_hash) FROM finding WHERE scan_id IN (?, ?)", both);
    assertThat(rows).isEqualTo(first().findings() + second().findings());
    // Most findings of the second scan are the first's, unchanged: their JSON is not stored again.
    assertThat(bodies).isEqualTo(distinct).isLessThan(rows * 3 / 4);
  }

  private ScanSummary first() {
    return store.summary(first).orElseThrow();
  }

  private ScanSummary second() {
    return store.summary(second).orElseThrow();
  }

  @Test
  void aFailedSaveLeavesNothingBehind() {
    Sql sql = new Sql(db.database().dataSource());
    long scans = sql.count("SELECT COUNT(*) FROM scan", List.of());
    NewScan ok = TestScans.hostile();
    // A group name longer than its column: the save fails after the scan row was committed.
    NewScan bad =
        new NewScan(
            ok.result(),
            ok.toolVersion(),
            Map.of("hostile00000000000001", List.of("g".repeat(5_000))),
            ok.checks());
    assertThatThrownBy(() -> store.save(bad)).isInstanceOf(StoreException.class);
    assertThat(sql.count("SELECT COUNT(*) FROM scan", List.of())).isEqualTo(scans);
  }

  @Test
  void aScanOfSeveralChunksIsStoredWholeAndCountedOnce() {
    int n = ScanInsert.CHUNK * 2 + 345;
    NewScan many = TestScans.many(n, Instant.parse("2020-01-01T00:00:00Z"));
    Sql sql = new Sql(db.database().dataSource());
    long a = store.save(many);
    long bodies = sql.count("SELECT COUNT(*) FROM finding_body", List.of());
    // Saved again: every body is already there, found by the chunks' lookups, none stored twice.
    long b = store.save(many);
    try {
      assertThat(sql.count("SELECT COUNT(*) FROM finding_body", List.of())).isEqualTo(bodies);
      for (long id : List.of(a, b)) {
        assertThat(sql.count("SELECT COUNT(*) FROM finding WHERE scan_id = ?", List.of(id)))
            .isEqualTo(n);
        assertThat(store.summary(id).orElseThrow().findings()).isEqualTo(n);
        assertThat(store.report(id).orElseThrow().root()).isEqualTo(many.report().root());
        FindingQuery all = FindingQuery.parse(Map.of("limit", "1000", "offset", "1500"));
        FindingPage page = store.findings(id, all).orElseThrow();
        assertThat(page.total()).isEqualTo(n);
        assertThat(page.items().get(0).path("id").asText()).isEqualTo("many00000000000001500");
        assertThat(store.findings(id, FindingQuery.parse(Map.of("severity", "high"))))
            .get()
            .extracting(FindingPage::total)
            .isEqualTo((long) many.result().summary().bySeverity().get("high"));
        assertThat(store.findings(id, FindingQuery.parse(Map.of("group", "even-third"))))
            .get()
            .extracting(FindingPage::total)
            .isEqualTo((long) (n + 2) / 3);
        assertThat(
                store.findings(
                    id,
                    FindingQuery.parse(
                        Map.of("group", "even-third", "severity", "critical", "q", "NS-0/"))))
            .get()
            .extracting(FindingPage::total)
            .isEqualTo(
                java.util.stream.IntStream.range(0, n)
                    .filter(i -> i % 3 == 0 && i % 5 == 0 && i % 7 == 0)
                    .count());
      }
    } finally {
      delete(a);
      delete(b);
    }
  }

  @Test
  void theStoredCountIsTheCountOfTheRows() {
    Sql sql = new Sql(db.database().dataSource());
    for (long id : List.of(first, second)) {
      long rows = sql.count("SELECT COUNT(*) FROM finding WHERE scan_id = ?", List.of(id));
      assertThat(store.summary(id).orElseThrow().findings()).isEqualTo(rows);
      assertThat(store.findings(id, FindingQuery.all()).orElseThrow().total()).isEqualTo(rows);
    }
  }

  @Test
  void anIncompleteScanIsInvisible() {
    long id = store.save(TestScans.hostile());
    try {
      execute("UPDATE scan SET complete = FALSE WHERE id = ?", id);
      assertThat(store.list()).extracting(ScanSummary::id).doesNotContain(id);
      assertThat(store.trend()).extracting(TrendPoint::scanId).doesNotContain(id);
      assertThat(store.summary(id)).isEmpty();
      assertThat(store.findings(id, FindingQuery.all())).isEmpty();
      assertThat(store.finding(id, "hostile00000000000001")).isEmpty();
      assertThat(store.report(id)).isEmpty();
    } finally {
      delete(id);
    }
  }

  @Test
  void migratingAgainChangesNothing() {
    // A second open runs Flyway on an up-to-date schema: no error, the scans are still there.
    try (Database again = Database.open(db.url())) {
      assertThat(new ScanStore(again.dataSource()).list()).hasSize(2);
    }
  }

  @Test
  void listsScansNewestFirstWithTheirSummary() {
    List<ScanSummary> scans = store.list();
    assertThat(scans).extracting(ScanSummary::id).containsExactly(second, first);
    ScanSummary s = scans.get(1);
    JsonNode summary = demo.scan().report().section("summary");
    assertThat(s.startedAt()).isEqualTo(demo.result().startedAt().toString());
    assertThat(s.score()).isEqualTo(summary.path("score").asInt());
    assertThat(s.bySeverity()).isEqualTo(summary.path("bySeverity"));
    assertThat(s.byCategory()).isEqualTo(summary.path("byCategory"));
    assertThat(s.findings()).isEqualTo(demo.result().findings().size());
    assertThat(s.attackPaths()).isEqualTo(demo.result().attackPaths().size()).isPositive();
    assertThat(s.source()).isEqualTo("demo");
  }

  @Test
  void unknownIdsAreEmpty() {
    assertThat(store.detail(9_999)).isEmpty();
    assertThat(store.findings(9_999, FindingQuery.all())).isEmpty();
    assertThat(store.attackPaths(9_999)).isEmpty();
    assertThat(store.diff(first, 9_999)).isEmpty();
    assertThat(store.finding(first, "no-such-finding")).isEmpty();
  }

  @Test
  void severityCategoryNamespaceAndCheckFiltersMatchTheReport() {
    assertMatches(
        Map.of("severity", "high,CRITICAL"),
        f -> Set.of("high", "critical").contains(f.path("severity").asText()));
    assertMatches(Map.of("category", "rbac"), f -> f.path("category").asText().equals("rbac"));
    assertMatches(
        Map.of("namespace", "payments,ci"),
        f -> Set.of("payments", "ci").contains(f.path("resource").path("namespace").asText()));
    assertMatches(
        Map.of("check", "privileged-container"),
        f -> f.path("checkId").asText().equals("privileged-container"));
    assertMatches(
        Map.of("severity", "medium", "namespace", "payments"),
        f ->
            f.path("severity").asText().equals("medium")
                && f.path("resource").path("namespace").asText().equals("payments"));
  }

  @Test
  void textSearchIsCaseInsensitiveOverTitleMessageAndResource() {
    assertMatches(Map.of("q", "FRONTEND"), f -> text(f).contains("frontend"));
    assertMatches(Map.of("q", "privileged"), f -> text(f).contains("privileged"));
    // LIKE wildcards are searched for literally.
    assertThat(page(Map.of("q", "%")).total()).isEqualTo(count(f -> text(f).contains("%")));
    assertThat(page(Map.of("q", "_")).total()).isEqualTo(count(f -> text(f).contains("_")));
  }

  @Test
  void groupFilterSelectsFindingsOnObjectsOfTheGroup() {
    Map<String, List<String>> groups = demo.scan().groupsByFinding();
    Set<String> inPayments =
        groups.entrySet().stream()
            .filter(e -> e.getValue().contains("payments"))
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
    assertThat(inPayments).isNotEmpty();
    assertMatches(Map.of("group", "payments"), f -> inPayments.contains(f.path("id").asText()));
    // The posture the scanner computed for the group counts the same findings.
    JsonNode posture = demo.scan().report().section("assetGroups").get(0);
    int counted = 0;
    for (JsonNode n : posture.path("bySeverity")) {
      counted += n.asInt();
    }
    assertThat(page(Map.of("group", posture.path("name").asText())).total()).isEqualTo(counted);
  }

  @Test
  void pagesAreDisjointAndCoverTheReportInPriorityOrder() {
    List<String> paged = new ArrayList<>();
    FindingPage page;
    int offset = 0;
    do {
      page = page(Map.of("limit", "100", "offset", Integer.toString(offset)));
      page.items().forEach(f -> paged.add(f.path("id").asText()));
      offset += 100;
    } while (!page.items().isEmpty());
    assertThat(paged).containsExactlyElementsOf(demo.scan().report().findingIds());
    assertThat(page(Map.of()).limit()).isEqualTo(FindingQuery.DEFAULT_LIMIT);
  }

  @Test
  void sortsBySeverityThenReportOrder() {
    List<JsonNode> items = page(Map.of("sort", "severity", "limit", "1000")).items();
    List<Integer> ranks =
        items.stream()
            .map(f -> dev.rampart.checks.Severity.parse(f.path("severity").asText()).ordinal())
            .toList();
    assertThat(ranks).isSorted();
    assertThat(items).hasSize(Math.min(1000, demo.result().findings().size()));
  }

  @Test
  void badFiltersAreRejected() {
    assertThatThrownBy(() -> FindingQuery.parse(Map.of("severity", "urgent")))
        .hasMessageContaining("urgent");
    assertThatThrownBy(() -> FindingQuery.parse(Map.of("category", "nope")))
        .hasMessageContaining("nope");
    assertThatThrownBy(() -> FindingQuery.parse(Map.of("limit", "0")))
        .hasMessageContaining("limit");
    assertThatThrownBy(() -> FindingQuery.parse(Map.of("offset", "-1")))
        .hasMessageContaining("offset");
    assertThatThrownBy(() -> FindingQuery.parse(Map.of("sort", "random")))
        .hasMessageContaining("random");
  }

  @Test
  void diffByFingerprint() {
    Set<String> before = demo.scan().report().findingIds();
    Set<String> after = withoutPayments.scan().report().findingIds();
    ScanDiff diff = store.diff(first, second).orElseThrow();
    assertThat(ids(diff.resolved())).isEqualTo(minus(before, after)).isNotEmpty();
    assertThat(ids(diff.added())).isEqualTo(minus(after, before));
    Set<String> both = new HashSet<>(before);
    both.retainAll(after);
    assertThat(diff.unchanged()).isEqualTo(both.size()).isPositive();
    ScanDiff back = store.diff(second, first).orElseThrow();
    assertThat(ids(back.added())).isEqualTo(ids(diff.resolved()));
    assertThat(store.diff(first, first).orElseThrow().added()).isEmpty();
  }

  @Test
  void aFindingAndItsCheckAsTheScanSawThem() {
    JsonNode expected = demo.scan().report().findings().get(0);
    String id = expected.path("id").asText();
    assertThat(store.finding(first, id)).contains(expected);
    JsonNode check = store.check(first, expected.path("checkId").asText()).orElseThrow();
    assertThat(check.path("why").asText()).isNotBlank();
    assertThat(check.path("id").asText()).isEqualTo(expected.path("checkId").asText());
  }

  @Test
  void trendAndGroupsFollowTheScansOldestFirst() {
    List<TrendPoint> trend = store.trend();
    assertThat(trend).extracting(TrendPoint::scanId).containsExactly(first, second);
    List<GroupHistory> groups = store.groups();
    JsonNode demoGroups = demo.scan().report().section("assetGroups");
    assertThat(groups).hasSize(demoGroups.size());
    GroupHistory payments =
        groups.stream().filter(g -> g.name().equals("payments")).findFirst().orElseThrow();
    assertThat(payments.trend()).extracting(TrendPoint::scanId).containsExactly(first, second);
    // The latest posture is the second scan's, where the payments namespace is gone.
    assertThat(payments.latest()).isEqualTo(groupOf(withoutPayments, "payments"));
    assertThat(payments.latest()).isNotEqualTo(groupOf(demo, "payments"));
  }

  @Test
  void attackPathsAreTheReportsOwn() {
    assertThat(store.attackPaths(first)).contains(demo.scan().report().section("attackPaths"));
  }

  @Test
  void noSecretValueReachesTheDatabase() throws Exception {
    // Every value the demo's Secrets hold, raw (base64) and decoded.
    Set<String> secrets = new HashSet<>();
    for (var o : demo.snapshot().objects()) {
      if (o.resource() instanceof io.fabric8.kubernetes.api.model.Secret secret) {
        if (secret.getData() != null) {
          for (String v : secret.getData().values()) {
            secrets.add(v);
            secrets.add(
                new String(java.util.Base64.getDecoder().decode(v), StandardCharsets.UTF_8));
          }
        }
        if (secret.getStringData() != null) {
          secrets.addAll(secret.getStringData().values());
        }
      }
    }
    // Short values are not secret material: a token Secret's "namespace" key holds kube-system.
    secrets.removeIf(v -> v.length() < 16);
    assertThat(secrets).as("the demo's secret values, the test's premise").isNotEmpty();
    StringBuilder stored = new StringBuilder();
    try (var c = db.database().dataSource().getConnection();
        var st = c.createStatement()) {
      for (String table :
          List.of("scan", "finding", "finding_body", "finding_group", "scan_check")) {
        try (var rs = st.executeQuery("SELECT * FROM " + table)) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= columns; i++) {
              stored.append(rs.getString(i)).append('\n');
            }
          }
        }
      }
    }
    assertThat(stored.length()).isGreaterThan(100_000);
    for (String secret : secrets) {
      int at = stored.indexOf(secret);
      assertThat(at)
          .as(
              () ->
                  "a secret value in the database: "
                      + stored.substring(
                          Math.max(0, at - 300), Math.min(stored.length(), at + 100)))
          .isEqualTo(-1);
    }
  }

  @Test
  void hostileStringsAreStoredAsData() {
    NewScan hostile = TestScans.hostile();
    long id = store.save(hostile);
    try {
      assertThat(store.report(id).orElseThrow().root()).isEqualTo(hostile.report().root());
      FindingPage page =
          store
              .findings(id, FindingQuery.parse(Map.of("group", "group " + TestScans.HOSTILE)))
              .orElseThrow();
      assertThat(page.total()).isEqualTo(1);
      FindingPage search =
          store.findings(id, FindingQuery.parse(Map.of("q", "<SCRIPT>alert(\"x\")"))).orElseThrow();
      assertThat(search.total()).isEqualTo(1);
    } finally {
      delete(id);
    }
  }

  private void delete(long id) {
    execute("DELETE FROM scan WHERE id = ?", id);
  }

  private void execute(String statement, long id) {
    try (var c = db.database().dataSource().getConnection();
        var ps = c.prepareStatement(statement)) {
      ps.setLong(1, id);
      ps.executeUpdate();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode groupOf(TestScans.Scanned s, String name) {
    for (JsonNode g : s.scan().report().section("assetGroups")) {
      if (g.path("name").asText().equals(name)) {
        return g;
      }
    }
    throw new AssertionError("no group " + name);
  }

  private void assertMatches(Map<String, String> params, Predicate<JsonNode> oracle) {
    List<String> expected =
        demo.scan().report().findings().stream()
            .filter(oracle)
            .map(f -> f.path("id").asText())
            .toList();
    Map<String, String> all = new java.util.HashMap<>(params);
    all.put("limit", "1000");
    FindingPage page = page(all);
    assertThat(page.total()).as("total of %s", params).isEqualTo(expected.size());
    assertThat(ids(page.items())).as("ids of %s", params).isEqualTo(Set.copyOf(expected));
    assertThat(expected).as("the oracle of %s selects something", params).isNotEmpty();
  }

  private long count(Predicate<JsonNode> oracle) {
    return demo.scan().report().findings().stream().filter(oracle).count();
  }

  private FindingPage page(Map<String, String> params) {
    return store.findings(first, FindingQuery.parse(params)).orElseThrow();
  }

  private static String text(JsonNode f) {
    JsonNode r = f.path("resource");
    return (f.path("title").asText()
            + "\n"
            + f.path("message").asText()
            + "\n"
            + r.path("kind").asText()
            + "/"
            + r.path("namespace").asText()
            + "/"
            + r.path("name").asText()
            + "\n"
            + r.path("container").asText())
        .toLowerCase(Locale.ROOT);
  }

  private static Set<String> ids(List<JsonNode> findings) {
    return findings.stream().map(f -> f.path("id").asText()).collect(Collectors.toSet());
  }

  private static Set<String> minus(Set<String> a, Set<String> b) {
    Set<String> result = new HashSet<>(a);
    result.removeAll(b);
    return result;
  }
}
