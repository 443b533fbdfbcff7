package dev.rampart.report;

import static dev.rampart.report.ReportFixtures.context;
import static dev.rampart.report.ReportFixtures.render;
import static dev.rampart.report.ReportFixtures.scan;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {

  private static final String SCRIPT = "<script>alert(1)</script>";
  private static final String IMG = "\"><img src=x onerror=alert(1)>";

  private final String html = render(ReportFormat.HTML, scan(), context());

  @Test
  void matchesGolden() throws Exception {
    Golden.assertMatches("expected-report.html", html);
  }

  @Test
  void attackPathsAreASectionOfTheirOwnAndEscaped() throws Exception {
    String withPaths = render(ReportFormat.HTML, ReportFixtures.scanWithPaths("web"), context());
    Golden.assertMatches("expected-report-paths.html", withPaths);
    assertThat(withPaths)
        .contains("<section id=\"attack-paths\">")
        .contains("<h2>Attack paths (2)</h2>")
        .contains("<article class=\"path\" id=\"path-1a2b3c\">");
    assertThat(html).doesNotContain("attack-paths");
    String hostile = render(ReportFormat.HTML, ReportFixtures.scanWithPaths(SCRIPT), context());
    assertThat(hostile).doesNotContain(SCRIPT).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
  }

  @Test
  void isOneSelfContainedPage() {
    assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">");
    assertThat(html).contains("<style>").contains("Content-Security-Policy");
    assertThat(html)
        .doesNotContain("<script")
        .doesNotContain("<link")
        .doesNotContain("src=")
        .doesNotContain("href=")
        .doesNotContain("http://")
        .doesNotContain("https://");
  }

  @Test
  void showsSummaryFindingsCoverageAndExceptions() {
    assertThat(html)
        .contains("<span class=\"num\">62</span>")
        .contains("<span class=\"badge sev-critical\">critical</span>")
        .contains("<code>Deployment/payments/api:app</code>")
        .contains("<code>k8s/payments/api.yaml:12</code>")
        .contains("<li>on a path from the internet to cluster-admin</li>")
        .contains("<pre>kubectl patch deployment api -n payments --type=strategic -p")
        .contains(ReportFixtures.NOT_EVALUATED)
        .contains("mapping values are not allowed here (line 7)")
        .contains("vendor image needs root; ticket SEC-142")
        .contains("node exporter needs host access");
    assertThat(html.indexOf("finding-9c1e5a7b3d2f4e6a8b0c"))
        .as("sorted by priority")
        .isLessThan(html.indexOf("finding-3a7d9e1c5b2f8a4d6e0b"));
  }

  @Test
  void escapesEveryStringFromTheScan() {
    String out =
        render(ReportFormat.HTML, scan(List.of(ReportFixtures.hostile(SCRIPT, IMG))), context());
    assertThat(out).doesNotContain(SCRIPT).doesNotContain("<img");
    assertThat(out)
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("\"&gt;&lt;img src=x onerror=alert(1)&gt;");
    assertThat(out)
        .as("inside an attribute value, the quote is escaped too")
        .contains("id=\"finding-9c1e5a7b3d2f4e6a8b0c\"")
        .doesNotContain("=\"\"><img");
  }

  @Test
  void escapesHostileSourceAndClusterInTheHeader() {
    var r = scan();
    var hostile =
        new dev.rampart.scan.ScanResult(
            r.id(),
            r.startedAt(),
            r.durationMs(),
            SCRIPT,
            IMG,
            r.coverage(),
            r.summary(),
            r.findings(),
            r.exceptionsApplied(),
            r.exceptionsExpired());
    String out = render(ReportFormat.HTML, hostile, context());
    assertThat(out).doesNotContain(SCRIPT).doesNotContain("<img");
    assertThat(out)
        .contains("<title>Rampart report: &lt;script&gt;alert(1)&lt;/script&gt;</title>");
  }
}
