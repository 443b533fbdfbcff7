package dev.rampart.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rampart.checks.Finding;
import dev.rampart.scan.ScanResult;
import dev.rampart.scan.Summary;
import dev.rampart.store.NewScan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * How long the overview takes to load for a large scan: a benchmark, run by hand, never timed
 * against a threshold (the file name keeps it out of the default test run). {@code
 * -Dbench.manifests=FILE} names a cluster's manifests (e.g. {@code rampart generate --pods 5000})
 * and {@code -Dbench.copies=N} stores its findings N times over in one scan, with distinct ids and
 * namespaces, so that a 5 000-pod cluster stands for a 50 000-pod one. What it asserts: the
 * overview shows the stored score and downloads one page of findings, never the list.
 */
class OverviewLoadBench {

  @Test
  void overviewOfALargeScan(@TempDir Path dir) throws IOException {
    String file = System.getProperty("bench.manifests");
    assumeTrue(file != null, "a benchmark: run with -Dbench.manifests=FILE [-Dbench.copies=N]");
    int copies = Integer.getInteger("bench.copies", 1);
    long t = System.nanoTime();
    NewScan scanned = DashboardServer.scanFile(Path.of(file));
    System.out.printf("bench: scanned %s in %d ms%n", file, (System.nanoTime() - t) / 1_000_000);
    NewScan scan = multiply(scanned, copies);
    int findings = scan.result().findings().size();
    ChromeDriver browser = Browser.start(dir.resolve("profile"));
    try (DashboardServer server = new DashboardServer(dir.resolve("db"), null)) {
      t = System.nanoTime();
      long id = server.store.save(scan);
      System.out.printf(
          "bench: stored %d findings, %d attack paths in %d ms%n",
          findings, scan.result().attackPaths().size(), (System.nanoTime() - t) / 1_000_000);
      for (String path :
          List.of(
              "/scans",
              "/scans/" + id,
              "/trend",
              "/scans/" + id + "/findings?sort=priority&offset=0&limit=8")) {
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
      assertThat(browser.findElement(By.id("score-value")).getText())
          .isEqualTo(server.api("/scans/" + id).get("score").asText());
      Object requests =
          browser.executeScript(
              "return performance.getEntriesByType('resource')"
                  + ".filter(e => e.name.includes('/api/'))"
                  + ".map(e => e.name.replace(location.origin, '') + ' ' + e.encodedBodySize)");
      System.out.println("bench: API requests of the overview (path, bytes): " + requests);
      assertThat(requests.toString()).doesNotContain("/paths").contains("limit=8");
      List<Long> sorted = new ArrayList<>(times);
      sorted.sort(null);
      System.out.printf(
          "bench: overview of %d findings: median %d ms, loads %s ms%n",
          findings, sorted.get(sorted.size() / 2), times);
    } finally {
      browser.quit();
    }
  }

  /** The scan's findings N times over, as if the cluster had N times as many namespaces. */
  private static NewScan multiply(NewScan scan, int copies) {
    if (copies <= 1) {
      return scan;
    }
    ScanResult r = scan.result();
    List<Finding> all = new ArrayList<>(r.findings().size() * copies);
    all.addAll(r.findings());
    for (int c = 1; c < copies; c++) {
      for (Finding f : r.findings()) {
        Finding.Resource res = f.resource();
        String ns = res.namespace() == null ? null : res.namespace() + "-" + c;
        all.add(
            new Finding(
                f.id() + "-" + c,
                f.checkId(),
                f.title(),
                f.severity(),
                f.category(),
                f.priority(),
                f.priorityReasons(),
                new Finding.Resource(res.apiVersion(), res.kind(), ns, res.name(), res.container()),
                f.location(),
                f.message(),
                f.evidence(),
                f.frameworks(),
                f.remediation()));
      }
    }
    Summary s = r.summary();
    Map<String, Integer> bySeverity = new HashMap<>();
    s.bySeverity().forEach((k, v) -> bySeverity.put(k, v * copies));
    Map<String, Integer> byCategory = new HashMap<>();
    s.byCategory().forEach((k, v) -> byCategory.put(k, v * copies));
    ScanResult big =
        new ScanResult(
            r.id(),
            r.startedAt(),
            r.durationMs(),
            r.source(),
            r.cluster(),
            r.coverage(),
            new Summary(bySeverity, byCategory, s.score()),
            all,
            r.exceptionsApplied(),
            r.exceptionsExpired(),
            r.attackPaths(),
            r.attackPathBounds(),
            r.assetGroups());
    return new NewScan(big, scan.toolVersion(), scan.groupsByFinding(), scan.checks());
  }
}
