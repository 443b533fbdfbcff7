package dev.rampart.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
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
    try (var c = db.database().dataSource().getConnection();
        var ps = c.prepareStatement("DELETE FROM scan WHERE id = ?")) {
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
