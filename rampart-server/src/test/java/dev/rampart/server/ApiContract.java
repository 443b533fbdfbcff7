package dev.rampart.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rampart.store.ScanStore;
import dev.rampart.store.TestDatabase;
import dev.rampart.store.TestScans;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** The REST contract of docs/api.md over real HTTP, run against each database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ApiContract {

  private TestDatabase db;
  private ScanStore store;
  private RampartServer server;
  private Http http;
  private long first;
  private long second;
  private long hostile;
  private TestScans.Scanned withoutCi;
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch started = new CountDownLatch(1);

  abstract TestDatabase open();

  @BeforeAll
  void start() {
    db = open();
    store = new ScanStore(db.database().dataSource());
    first = store.save(TestScans.demo().scan());
    withoutCi =
        TestScans.demo(
            o -> !"ci".equals(o.resource().getMetadata().getNamespace()),
            Instant.parse("2026-01-03T00:00:00Z"));
    second = store.save(withoutCi.scan());
    hostile = store.save(TestScans.hostile());
    // A scan source that waits for the test, to see a running scan refuse a second one.
    ScanSource slow =
        () -> {
          started.countDown();
          release.await(30, TimeUnit.SECONDS);
          return TestScans.demo().scan();
        };
    ScanQueue queue = new ScanQueue(slow, store, new PrintWriter(new StringWriter()));
    server = RampartServer.create(store, queue, new ServerOptions("127.0.0.1", 0, null)).start();
    http = new Http(server.port(), null);
  }

  @AfterAll
  void stop() {
    release.countDown();
    server.close();
    db.close();
  }

  @Test
  void health() {
    Http.Response r = http.get("/healthz");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("status").asText()).isEqualTo("ok");
  }

  @Test
  void everyResponseCarriesTheSecurityHeadersAndNoCors() {
    for (String path : new String[] {"/healthz", "/api/v1/scans", "/", "/api/v1/scans/999"}) {
      Http.Response r = http.get(path);
      assertThat(r.header("Content-Security-Policy")).as(path).startsWith("default-src 'self'");
      assertThat(r.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
      assertThat(r.header("Access-Control-Allow-Origin")).as(path).isNull();
    }
  }

  @Test
  void scansNewestFirst() {
    JsonNode items = http.get("/api/v1/scans").json().path("items");
    assertThat(items).hasSize(3);
    assertThat(items.get(0).path("id").asLong()).isEqualTo(hostile);
    JsonNode demo = items.get(2);
    assertThat(demo.path("id").asLong()).isEqualTo(first);
    assertThat(demo.path("findings").asInt())
        .isEqualTo(TestScans.demo().result().findings().size());
    assertThat(demo.path("bySeverity").path("critical").isInt()).isTrue();
    assertThat(demo.path("startedAt").asText())
        .isEqualTo(TestScans.demo().result().startedAt().toString());
    for (String field :
        new String[] {"durationMs", "source", "cluster", "score", "byCategory", "attackPaths"}) {
      assertThat(demo.has(field)).as(field).isTrue();
    }
  }

  @Test
  void aScanWithTheReportsSections() {
    JsonNode scan = http.get("/api/v1/scans/" + first).json();
    JsonNode report = TestScans.demo().scan().report().root();
    assertThat(scan.path("coverage")).isEqualTo(report.path("coverage"));
    assertThat(scan.path("assetGroups")).isEqualTo(report.path("assetGroups"));
    assertThat(scan.path("exceptionsApplied")).isEqualTo(report.path("exceptionsApplied"));
    assertThat(scan.path("exceptionsExpired")).isEqualTo(report.path("exceptionsExpired"));
    assertThat(scan.path("score").asInt()).isEqualTo(report.path("summary").path("score").asInt());
  }

  @Test
  void findingsFilteredAndPaged() {
    JsonNode page =
        http.get("/api/v1/scans/" + first + "/findings?severity=high,critical&offset=2&limit=3")
            .json();
    long expected =
        TestScans.demo().scan().report().findings().stream()
            .filter(f -> f.path("severity").asText().matches("high|critical"))
            .count();
    assertThat(page.path("total").asLong()).isEqualTo(expected);
    assertThat(page.path("offset").asInt()).isEqualTo(2);
    assertThat(page.path("limit").asInt()).isEqualTo(3);
    assertThat(page.path("items")).hasSize(3);
    JsonNode all = http.get("/api/v1/scans/" + first + "/findings?severity=high,critical").json();
    assertThat(page.path("items").get(0)).isEqualTo(all.path("items").get(2));
    // Items are the report's own finding objects.
    assertThat(page.path("items").get(0))
        .isIn(TestScans.demo().scan().report().findings().toArray());
  }

  @Test
  void aFindingWithItsCheck() {
    JsonNode f = TestScans.demo().scan().report().findings().get(3);
    JsonNode body =
        http.get("/api/v1/scans/" + first + "/findings/" + f.path("id").asText()).json();
    assertThat(body.path("finding")).isEqualTo(f);
    assertThat(body.path("check").path("id").asText()).isEqualTo(f.path("checkId").asText());
    assertThat(body.path("check").path("why").asText()).isNotBlank();
    assertThat(body.path("check").path("frameworks").isArray()).isTrue();
  }

  @Test
  void pathsGroupsTrendAndDiff() {
    JsonNode paths = http.get("/api/v1/scans/" + first + "/paths").json().path("items");
    assertThat(paths).isEqualTo(TestScans.demo().scan().report().section("attackPaths"));

    JsonNode groups = http.get("/api/v1/groups").json().path("items");
    assertThat(groups.size()).isPositive();
    JsonNode g = groups.get(0);
    assertThat(g.path("latest").path("name").asText()).isEqualTo(g.path("name").asText());
    assertThat(g.path("trend").get(0).path("scanId").asLong()).isEqualTo(first);

    JsonNode trend = http.get("/api/v1/trend").json();
    assertThat(trend).hasSize(3);
    assertThat(trend.get(0).path("scanId").asLong()).isEqualTo(first);
    assertThat(trend.get(0).path("bySeverity").path("high").isInt()).isTrue();

    JsonNode diff = http.get("/api/v1/scans/" + first + "/diff/" + second).json();
    assertThat(diff.path("from").asLong()).isEqualTo(first);
    assertThat(diff.path("to").asLong()).isEqualTo(second);
    Set<String> before = TestScans.demo().scan().report().findingIds();
    Set<String> after = withoutCi.scan().report().findingIds();
    Set<String> resolved = new HashSet<>(before);
    resolved.removeAll(after);
    Set<String> added = new HashSet<>(after);
    added.removeAll(before);
    assertThat(ids(diff.path("resolved"))).isEqualTo(resolved).isNotEmpty();
    assertThat(ids(diff.path("new"))).isEqualTo(added);
    assertThat(diff.path("unchanged").asLong()).isEqualTo(before.size() - resolved.size());
  }

  @Test
  void unknownIdsAre404AndBadInputIs400() {
    assertError(http.get("/api/v1/scans/999999"), 404);
    assertError(http.get("/api/v1/scans/999999/findings"), 404);
    assertError(http.get("/api/v1/scans/999999/paths"), 404);
    assertError(http.get("/api/v1/scans/" + first + "/findings/nope"), 404);
    assertError(http.get("/api/v1/scans/" + first + "/diff/999999"), 404);
    assertError(http.get("/api/v1/nothing-here"), 404);
    assertError(http.get("/api/v1/scans/abc"), 400);
    assertError(http.get("/api/v1/scans/" + first + "/findings?severity=urgent"), 400);
    assertError(http.get("/api/v1/scans/" + first + "/findings?limit=100000"), 400);
    assertError(http.get("/api/v1/scans/" + first + "/findings?sort=random"), 400);
  }

  @Test
  void hostileStringsComeBackAsEscapedData() {
    Http.Response r = http.get("/api/v1/scans/" + hostile + "/findings");
    assertThat(r.header("Content-Type")).startsWith("application/json");
    // No raw markup at all: < > & ' are \\u escapes, so even a page that mistook this for HTML
    // would not run it.
    assertThat(r.body()).doesNotContain("<", ">", "'");
    JsonNode f = r.json().path("items").get(0);
    assertThat(f.path("message").asText()).isEqualTo("message " + TestScans.HOSTILE);
    assertThat(f.path("resource").path("name").asText()).isEqualTo("pod-" + TestScans.HOSTILE);
    JsonNode scans = http.get("/api/v1/scans").json().path("items").get(0);
    assertThat(scans.path("source").asText()).isEqualTo("files " + TestScans.HOSTILE);
  }

  @Test
  @Order(Integer.MAX_VALUE) // last: it adds a scan the others would count
  void aScanRunsInTheBackgroundOneAtATime() throws Exception {
    Http.Response queued = http.post("/api/v1/scans");
    assertThat(queued.status()).isEqualTo(202);
    assertThat(queued.json().path("status").asText()).isEqualTo("queued");
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    assertError(http.post("/api/v1/scans"), 409);
    int before = store.list().size();
    release.countDown();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (store.list().size() == before && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(store.list()).hasSize(before + 1);
  }

  @Test
  void theDashboardIsServedAtTheRoot() {
    Http.Response r = http.get("/");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).isEqualToIgnoringWhitespace("text/html;charset=utf-8");
    assertThat(r.body()).containsIgnoringCase("<!doctype html>");
  }

  private static Set<String> ids(JsonNode findings) {
    Set<String> ids = new HashSet<>();
    findings.forEach(f -> ids.add(f.path("id").asText()));
    return ids;
  }

  private static void assertError(Http.Response r, int status) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.json().path("status").asInt()).isEqualTo(status);
    assertThat(r.json().path("error").asText()).isNotBlank();
  }
}
