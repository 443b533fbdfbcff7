package dev.rampart.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A scanned cluster whose names, labels, annotations, image, asset group and cluster name hold
 * {@code <img onerror>}, {@code <script>}, {@code <svg onload>} and {@code <iframe>} payloads
 * (src/test/resources/hostile-cluster/hostile.yaml). Every view of the dashboard must show them as
 * text, and none may run: each payload would set {@code window.__xss}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardXssTest {

  private static final String SCRIPT_NAME = "<script>window.__xss=2</script>";
  private static final String IMG_NAMESPACE = "<img src=x onerror=window.__xss=1>";
  private static final String GROUP = "<img src=x onerror=window.__xss=11>";

  private DashboardServer server;
  private ChromeDriver browser;
  private long scanId;

  @BeforeAll
  void start(@TempDir Path dir) throws IOException {
    browser = Browser.start(dir.resolve("profile"));
    server = new DashboardServer(dir.resolve("db"), null);
    scanId = server.saveResources("hostile.yaml", "hostile-rampart.yaml");
  }

  @AfterAll
  void stop() {
    Browser.stop(browser, server);
  }

  @Test
  void theFixtureReallyCarriesThePayloadsIntoTheApi() {
    // Without this the other tests could pass on a scan that dropped the hostile objects.
    JsonNode findings = server.api("/scans/" + scanId + "/findings?limit=1000");
    assertThat(findings.toString()).contains(SCRIPT_NAME).contains(IMG_NAMESPACE);
    assertThat(server.api("/scans/" + scanId + "/paths").get("items").size()).isPositive();
    assertThat(server.api("/scans/" + scanId).get("cluster").asText()).contains("onerror");
  }

  @Test
  void overviewShowsHostileStringsAsText() {
    visit("#/");
    assertThat(bodyText()).contains("<img src=x onerror=window.__xss=10>").contains(SCRIPT_NAME);
  }

  @Test
  void findingsListAndEveryFindingDetailShowHostileStringsAsText() {
    visit("#/findings");
    assertThat(bodyText()).contains(SCRIPT_NAME).contains(IMG_NAMESPACE);
    visit("#/findings?q=" + URLEncoder.encode("<script>", StandardCharsets.UTF_8));
    assertThat(browser.findElement(By.cssSelector("#filters input[name=q]")).getAttribute("value"))
        .isEqualTo("<script>");
    for (JsonNode f : server.api("/scans/" + scanId + "/findings?limit=1000").get("items")) {
      visit("#/findings/" + f.get("id").asText());
      assertThat(browser.findElement(By.id("finding-message")).getText())
          .isEqualTo(f.get("message").asText());
    }
  }

  @Test
  void riskMapShowsHostileNodesAndEvidenceAsText() {
    visit("#/map");
    JsonNode path = server.api("/scans/" + scanId + "/paths").get("items").get(0);
    JsonNode step = path.get("steps").get(0);
    String node = step.get("to").asText();
    assertThat(node).as("a node named by the hostile cluster").contains("<");
    WebElement el =
        browser.findElement(
            By.cssSelector("#risk-map [data-node='" + DashboardBrowserTest.css(node) + "']"));
    el.findElement(By.tagName("rect")).click();
    noScriptRan();
    assertThat(browser.findElement(By.id("detail-title")).getText()).isEqualTo(node);
    assertThat(bodyText()).contains(step.get("evidence").get(0).asText());
    // The same through the URL: the selection is read back from the hash.
    visit("#/map?path=" + path.get("id").asText());
    assertThat(browser.findElement(By.id("detail-evidence")).getText())
        .contains(step.get("evidence").get(0).asText());
  }

  @Test
  void assetGroupsShowTheHostileGroupAsText() {
    visit("#/groups");
    assertThat(bodyText()).contains(GROUP).contains("<script>window.__xss=12</script> described");
    visit("#/map?group=" + URLEncoder.encode(GROUP, StandardCharsets.UTF_8));
    assertThat(bodyText()).contains(SCRIPT_NAME);
  }

  @Test
  void aHostileRouteIsShownAsText() {
    visit("#/<img src=x onerror=window.__xss=20>");
    assertThat(browser.findElement(By.id("error")).getText())
        .contains("<img src=x onerror=window.__xss=20>");
  }

  private void visit(String hash) {
    Browser.open(browser, server.base, hash);
    noScriptRan();
  }

  /** No payload ran, and none became an element: every one is still text. */
  private void noScriptRan() {
    JavascriptExecutor js = browser;
    // onerror fires when the image fails to load, a moment after insertion: give it that moment.
    js.executeAsyncScript("setTimeout(arguments[arguments.length - 1], 150)");
    assertThat(
            js.executeScript("return window.__xss === undefined ? 'none' : String(window.__xss)"))
        .as("a payload ran")
        .isEqualTo("none");
    assertThat(browser.getTitle()).startsWith("Rampart");
    Long injected =
        (Long)
            js.executeScript(
                "return document.querySelectorAll('main img, main script, main iframe,"
                    + " main [onerror], main [onload], main [onmouseover]').length");
    assertThat(injected).as("elements made from cluster strings").isZero();
  }

  private String bodyText() {
    return browser.findElement(By.tagName("body")).getText();
  }
}
