package dev.rampart.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rampart.store.NewScan;
import dev.rampart.store.ReportDocument;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * How long the overview takes to load for a large scan: a benchmark, run by hand, never timed
 * against a threshold. {@code -Dbench.report=FILE} names a JSON report ({@code rampart scan -f
 * json}) and {@code -Dbench.copies=N} stores it N times over as one scan (findings and attack paths
 * copied with distinct ids and namespaces), so that a report of a 5 000-pod cluster stands for a 50
 * 000-pod one. What it does assert: the overview shows the stored score and downloads one page of
 * findings, never the list.
 */
class OverviewLoadBench {

  @Test
  void overviewOfALargeScan(@TempDir Path dir) throws IOException {
    String file = System.getProperty("bench.report");
    assumeTrue(file != null, "a benchmark: run with -Dbench.report=FILE [-Dbench.copies=N]");
    int copies = Integer.getInteger("bench.copies", 1);
    ReportDocument report;
    try (InputStream in = Files.newInputStream(Path.of(file))) {
      report = ReportDocument.read(in);
    }
    multiply(report.root(), copies);
    int findings = report.root().get("findings").size();
    ChromeDriver browser = Browser.start(dir.resolve("profile"));
    try (DashboardServer server = new DashboardServer(dir.resolve("db"), null)) {
      long started = System.nanoTime();
      long id = server.store.save(new NewScan(report, Map.of(), Map.of()));
      System.out.printf(
          "bench: stored %d findings, %d attack paths in %d ms%n",
          findings,
          report.root().get("attackPaths").size(),
          (System.nanoTime() - started) / 1_000_000);
      for (String path :
          List.of(
              "/scans",
              "/scans/" + id,
              "/trend",
              "/scans/" + id + "/findings?sort=priority&limit=8")) {
        long t0 = System.nanoTime();
        server.api(path);
        System.out.printf("bench: GET %s: %d ms%n", path, (System.nanoTime() - t0) / 1_000_000);
      }
      List<Long> times = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        browser.get("about:blank");
        long t0 = System.nanoTime();
        Browser.open(browser, server.base, "#/");
        times.add((System.nanoTime() - t0) / 1_000_000);
      }
      assertThat(browser.findElement(org.openqa.selenium.By.id("score-value")).getText())
          .isEqualTo(server.api("/scans/" + id).get("score").asText());
      Object requests =
          browser.executeScript(
              "return performance.getEntriesByType('resource')"
                  + ".filter(e => e.name.includes('/api/'))"
                  + ".map(e => e.name.replace(location.origin, '') + ' ' + e.encodedBodySize)");
      System.out.println("bench: API requests of the overview (path, bytes): " + requests);
      assertThat(requests.toString()).doesNotContain("/paths").contains("limit=8");
      List<Long> warm = new ArrayList<>(times.subList(1, times.size()));
      warm.sort(null);
      System.out.printf(
          "bench: overview of %d findings: first load %d ms, then median %d ms (%s)%n",
          findings, times.get(0), warm.get(warm.size() / 2), times);
    } finally {
      browser.quit();
    }
  }

  /** The report N times over, as if the cluster had N times as many namespaces. */
  private static void multiply(ObjectNode root, int copies) {
    if (copies <= 1) {
      return;
    }
    for (String section : List.of("findings", "attackPaths")) {
      ArrayNode original = (ArrayNode) root.get(section);
      ArrayNode all = root.arrayNode();
      for (int c = 0; c < copies; c++) {
        for (JsonNode item : original) {
          ObjectNode copy = item.deepCopy();
          if (c > 0) {
            copy.put("id", copy.get("id").asText() + "-" + c);
            JsonNode resource = copy.get("resource");
            if (resource != null && resource.hasNonNull("namespace")) {
              ((ObjectNode) resource)
                  .put("namespace", resource.get("namespace").asText() + "-" + c);
            }
          }
          all.add(copy);
        }
      }
      root.set(section, all);
    }
    ObjectNode summary = (ObjectNode) root.get("summary");
    for (String counts : List.of("bySeverity", "byCategory")) {
      ObjectNode node = (ObjectNode) summary.get(counts);
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        node.put(k, node.get(k).asLong() * copies);
      }
    }
    ObjectNode coverage = (ObjectNode) root.get("coverage");
    coverage.put("objects", coverage.get("objects").asLong() * copies);
  }
}
