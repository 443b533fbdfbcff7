package dev.rampart.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The dashboard in a real headless Chromium against the real server, the demo cluster scanned twice
 * into H2 (two points of trend). Every number the page shows is compared with what the REST API
 * answers, so the test holds whatever the demo's findings become.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {

  private static final List<String> SEVERITIES =
      List.of("critical", "high", "medium", "low", "info");

  private DashboardServer server;
  private ChromeDriver browser;
  private long scanId;

  @BeforeAll
  void start(@TempDir Path dir) throws IOException {
    browser = Browser.start(dir.resolve("profile"));
    server = new DashboardServer(dir.resolve("db"), null);
    server.saveDemo();
    scanId = server.saveDemo();
  }

  @AfterAll
  void stop() {
    Browser.stop(browser, server);
  }

  @Test
  void overviewShowsTheScoreSeveritiesTopRisksAndCoverageGapsOfTheLatestScan() {
    JsonNode scan = server.api("/scans/" + scanId);
    browser.get("about:blank"); // a fresh document: its resource timings are the overview's alone
    Browser.open(browser, server.base, "#/");

    assertThat(text(By.id("score-value"))).isEqualTo(scan.get("score").asText());
    for (String severity : SEVERITIES) {
      WebElement row =
          browser.findElement(
              By.cssSelector("[data-chart=severity] .bar-row[data-key=" + severity + "]"));
      assertThat(row.findElement(By.className("bar-value")).getText())
          .as(severity)
          .isEqualTo(scan.get("bySeverity").get(severity).asText());
    }
    scan.get("byCategory")
        .fields()
        .forEachRemaining(
            e ->
                assertThat(
                        browser
                            .findElement(
                                By.cssSelector(
                                    "[data-chart=category] .bar-row[data-key='"
                                        + e.getKey()
                                        + "'] .bar-value"))
                            .getText())
                    .isEqualTo(e.getValue().asText()));
    assertThat(text(By.id("paths-total"))).isEqualTo(scan.get("attackPaths").asText());

    JsonNode top = server.api("/scans/" + scanId + "/findings?sort=priority&limit=8").get("items");
    List<WebElement> risks = browser.findElements(By.cssSelector("#top-risks > li"));
    assertThat(risks).hasSize(top.size());
    assertThat(risks.get(0).getAttribute("data-finding")).isEqualTo(top.get(0).get("id").asText());
    assertThat(risks.get(0).getText()).contains(top.get(0).get("priorityReasons").get(0).asText());

    // Not evaluated checks are listed as such: never counted with the passing ones.
    JsonNode notEvaluated = scan.get("coverage").get("notEvaluated");
    assertThat(notEvaluated.size()).isPositive();
    for (JsonNode n : notEvaluated) {
      WebElement gap =
          browser.findElement(
              By.cssSelector("#coverage-gaps li[data-check='" + n.get("checkId").asText() + "']"));
      assertThat(gap.getText()).contains("not evaluated").contains(n.get("reason").asText());
    }
    assertThat(browser.findElements(By.cssSelector(".trend .dot-score"))).hasSize(2);

    // A scan can have hundreds of thousands of findings: the overview reads its summary and one
    // page of findings, never the list, and not the attack paths.
    String requests =
        String.valueOf(
            browser.executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name)"
                    + ".filter(n => n.includes('/api/')).join(' ')"));
    assertThat(requests)
        .contains("/findings?sort=priority&offset=0&limit=8")
        .doesNotContain("/paths");
    assertThat(requests.split("/findings").length - 1).as(requests).isEqualTo(1);
  }

  @Test
  void findingDetailShowsEvidenceLocationReasonsWhyAndACopyableRemediation() {
    JsonNode finding =
        server
            .api("/scans/" + scanId + "/findings?check=privileged-container&limit=1")
            .get("items")
            .get(0);
    JsonNode detail = server.api("/scans/" + scanId + "/findings/" + finding.get("id").asText());
    Browser.open(browser, server.base, "#/findings/" + finding.get("id").asText());

    assertThat(text(By.cssSelector("#finding h1"))).isEqualTo(finding.get("title").asText());
    assertThat(text(By.id("finding-message"))).isEqualTo(finding.get("message").asText());
    assertThat(text(By.id("evidence")))
        .contains(finding.get("evidence").get("path").asText())
        .contains(finding.get("evidence").get("value").asText());
    JsonNode location = finding.get("location");
    assertThat(text(By.id("location")))
        .startsWith(location.get("file").asText() + ":" + location.get("line").asText());
    List<String> reasons = texts(By.cssSelector("#priority-reasons li"));
    assertThat(reasons).containsExactlyElementsOf(strings(finding.get("priorityReasons")));
    assertThat(text(By.id("why"))).isEqualTo(detail.get("check").get("why").asText());
    assertThat(text(By.id("remediation-text")))
        .isEqualTo(finding.get("remediation").get("text").asText());
    String command = finding.get("remediation").get("patch").get("command").asText();
    assertThat(texts(By.cssSelector("#remediation pre"))).contains(command);
    assertThat(browser.findElements(By.cssSelector("#remediation button.copy"))).hasSize(2);
    assertThat(String.join(" ", texts(By.cssSelector("#frameworks li"))))
        .contains("5.2.2")
        .contains("MITRE ATT&CK");
  }

  @Test
  void riskMapDrawsEveryNodeAndEdgeOfThePathsAndClickingShowsTheirEvidence() {
    JsonNode paths = server.api("/scans/" + scanId + "/paths").get("items");
    Set<String> nodes = new LinkedHashSet<>();
    Map<String, Set<String>> evidence = new java.util.LinkedHashMap<>();
    for (JsonNode path : paths) {
      nodes.add(path.get("entry").asText());
      for (JsonNode step : path.get("steps")) {
        nodes.add(step.get("from").asText());
        nodes.add(step.get("to").asText());
        String key =
            step.get("from").asText()
                + " -["
                + step.get("edge").asText()
                + "]-> "
                + step.get("to").asText();
        evidence
            .computeIfAbsent(key, k -> new LinkedHashSet<>())
            .addAll(strings(step.get("evidence")));
      }
    }
    Browser.open(browser, server.base, "#/map");
    assertThat(browser.findElements(By.cssSelector("#risk-map [data-node]"))).hasSize(nodes.size());
    assertThat(browser.findElements(By.cssSelector("#risk-map [data-edge]")))
        .hasSize(evidence.size());

    // A real click on a node: its name, and the paths through it, appear in the panel.
    String workload = paths.get(0).get("steps").get(0).get("to").asText();
    browser
        .findElement(By.cssSelector("#risk-map [data-node='" + css(workload) + "'] rect"))
        .click();
    assertThat(text(By.id("detail-title"))).isEqualTo(workload);
    assertThat(browser.findElements(By.cssSelector("#detail-paths li"))).isNotEmpty();

    // A real click on a point of an edge's curve, where no other edge or node lies.
    String edge = clickSomeEdge(evidence.keySet());
    assertThat(text(By.id("detail-title"))).isEqualTo(edge.replaceAll(".* -\\[(.*)\\]-> .*", "$1"));
    assertThat(texts(By.cssSelector("#detail-evidence li")))
        .containsExactlyInAnyOrderElementsOf(evidence.get(edge));

    // The selection is in the URL: a reload shows the same edge.
    browser.navigate().refresh();
    Browser.ready(browser);
    assertThat(browser.getCurrentUrl()).contains("edge=");
    assertThat(texts(By.cssSelector("#detail-evidence li")))
        .containsExactlyInAnyOrderElementsOf(evidence.get(edge));
  }

  @Test
  void riskMapFiltersByTarget() {
    JsonNode paths = server.api("/scans/" + scanId + "/paths").get("items");
    String target = paths.get(0).get("target").asText();
    long expected = 0;
    for (JsonNode p : paths) {
      expected += p.get("target").asText().equals(target) ? 1 : 0;
    }
    Browser.open(browser, server.base, "#/map");
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("map-target")))
        .selectByValue(target);
    Browser.ready(browser);
    assertThat(text(By.id("map-count"))).startsWith(expected + " of " + paths.size());
    assertThat(browser.findElements(By.cssSelector("#risk-map .node-jewel"))).hasSize(1);
  }

  @Test
  void findingFiltersLiveInTheUrlAndSurviveAReload() {
    Browser.open(browser, server.base, "#/findings");
    browser.findElement(By.cssSelector("#filters input[name=severity][value=high]")).click();
    Browser.ready(browser);
    WebElement namespace = browser.findElement(By.cssSelector("#filters input[name=namespace]"));
    namespace.sendKeys("payments", Keys.ENTER);
    Browser.ready(browser);
    assertThat(browser.getCurrentUrl()).contains("severity=high").contains("namespace=payments");

    JsonNode page =
        server.api("/scans/" + scanId + "/findings?severity=high&namespace=payments&limit=50");
    List<String> expected = new ArrayList<>();
    page.get("items").forEach(f -> expected.add(f.get("id").asText()));
    assertThat(expected).isNotEmpty();
    assertThat(rowIds()).containsExactlyElementsOf(expected);

    browser.navigate().refresh();
    Browser.ready(browser);
    assertThat(rowIds()).containsExactlyElementsOf(expected);
    assertThat(browser.findElement(By.cssSelector("#filters input[value=high]")).isSelected())
        .isTrue();
    assertThat(
            browser
                .findElement(By.cssSelector("#filters input[name=namespace]"))
                .getAttribute("value"))
        .isEqualTo("payments");
    assertThat(text(By.id("result-count")))
        .endsWith("of " + page.get("total").asText() + " findings");
  }

  @Test
  void findingsArePagedByTheServer() {
    JsonNode second = server.api("/scans/" + scanId + "/findings?offset=50&limit=50");
    Browser.open(browser, server.base, "#/findings");
    browser.findElement(By.id("next-page")).click();
    Browser.ready(browser);
    assertThat(browser.getCurrentUrl()).contains("offset=50");
    assertThat(rowIds().get(0)).isEqualTo(second.get("items").get(0).get("id").asText());
  }

  @Test
  void assetGroupsShowPostureAndComplianceFromTheApi() {
    JsonNode scan = server.api("/scans/" + scanId);
    Browser.open(browser, server.base, "#/groups");
    for (JsonNode group : scan.get("assetGroups")) {
      String name = group.get("name").asText();
      WebElement card = browser.findElement(By.cssSelector(".group[data-group='" + name + "']"));
      for (String severity : SEVERITIES) {
        assertThat(card.findElement(By.cssSelector(".sev-count.sev-" + severity)).getText())
            .isEqualTo(severity + " " + group.get("bySeverity").get(severity).asInt());
      }
      int reaching = group.get("attackPaths").size();
      if (reaching > 0) {
        assertThat(card.findElement(By.className("paths-link")).getText())
            .startsWith(reaching + " ");
      }
      JsonNode compliance = server.api("/scans/" + scanId + "/compliance?group=" + name);
      for (JsonNode framework : compliance.get("frameworks")) {
        WebElement row =
            card.findElement(
                By.cssSelector(
                    "tr[data-framework='" + framework.get("framework").asText() + "'] td.num"));
        assertThat(row.getText()).as(name).isEqualTo(framework.get("findings").asText());
      }
    }
  }

  @Test
  void screenshotsForTheReadme() throws IOException {
    // Only on request (-Dupdate.screenshots=true): the PNGs are committed under docs/.
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Boolean.getBoolean("update.screenshots"),
        "screenshots are taken with -Dupdate.screenshots=true");
    Path out = Path.of("..", "docs", "screenshots");
    Files.createDirectories(out);
    browser.manage().window().setSize(new Dimension(1440, 1020));
    Browser.open(browser, server.base, "#/");
    save(out.resolve("overview.png"));
    browser.manage().window().setSize(new Dimension(1600, 900));
    JsonNode first = server.api("/scans/" + scanId + "/paths").get("items").get(10);
    String node = first.get("steps").get(0).get("to").asText();
    Browser.open(
        browser,
        server.base,
        "#/map?node=" + java.net.URLEncoder.encode(node, java.nio.charset.StandardCharsets.UTF_8));
    save(out.resolve("risk-map.png"));
    browser.manage().window().setSize(new Dimension(1440, 1000));
  }

  private void save(Path file) throws IOException {
    Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, file, StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Clicks, with a real mouse click, the first edge that has a point on its curve where it and
   * nothing else is under the pointer (edges cross; which one is on top depends on the layout), and
   * returns its id.
   */
  private String clickSomeEdge(Iterable<String> keys) {
    for (String key : keys) {
      WebElement edge =
          browser.findElement(By.cssSelector("#risk-map [data-edge='" + css(key) + "']"));
      @SuppressWarnings("unchecked")
      List<Number> point =
          (List<Number>)
              browser.executeScript(
                  "const g = arguments[0]; g.scrollIntoView({block: 'center', inline: 'center'});"
                      + " const p = g.querySelector('.edge-hit'); const len = p.getTotalLength();"
                      + " for (let f = 0.5, i = 0; i < 15; i++, f = 0.5 + (i % 2 ? 1 : -1) *"
                      + " Math.ceil(i / 2) * 0.05) {"
                      + "  const pt = p.getPointAtLength(len * f).matrixTransform(p.getScreenCTM());"
                      // The click lands on whole pixels: test the very pixel that will be clicked.
                      + "  const x = Math.round(pt.x), y = Math.round(pt.y);"
                      + "  const hit = document.elementFromPoint(x, y);"
                      + "  if (hit && hit.closest('[data-edge]') === g) return [x, y]; }"
                      + " return null;",
                  edge);
      if (point != null) {
        new Actions(browser)
            .moveToLocation(point.get(0).intValue(), point.get(1).intValue())
            .click()
            .perform();
        return key;
      }
    }
    throw new AssertionError("no edge of the map can be clicked on its own");
  }

  private List<String> rowIds() {
    List<String> ids = new ArrayList<>();
    for (WebElement row : browser.findElements(By.cssSelector("#findings-table tbody tr"))) {
      ids.add(row.getAttribute("data-finding"));
    }
    return ids;
  }

  private String text(By by) {
    return browser.findElement(by).getText();
  }

  private List<String> texts(By by) {
    return browser.findElements(by).stream().map(WebElement::getText).toList();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** A value inside a CSS attribute selector in single quotes. */
  static String css(String value) {
    return value.replace("\\", "\\\\").replace("'", "\\'");
  }
}
