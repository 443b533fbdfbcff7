package dev.rampart.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A server that requires a bearer token: the page asks for it on a 401 and sends it after. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTokenTest {

  private static final String TOKEN = "token-for-the-browser-test";

  private DashboardServer server;
  private ChromeDriver browser;
  private long scanId;

  @BeforeAll
  void start(@TempDir Path dir) throws IOException {
    browser = Browser.start(dir.resolve("profile"));
    server = new DashboardServer(dir.resolve("db"), TOKEN);
    scanId = server.saveDemo();
  }

  @AfterAll
  void stop() {
    Browser.stop(browser, server);
  }

  @Test
  void asksForTheTokenRejectsAWrongOneAndShowsTheOverviewWithTheRightOne() {
    browser.get(server.base + "/#/");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-input")))
        .sendKeys("wrong", Keys.ENTER);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("token-dialog"), "not accepted"));
    browser.findElement(By.id("token-input")).sendKeys(TOKEN, Keys.ENTER);
    Browser.ready(browser);
    assertThat(browser.findElement(By.id("score-value")).getText())
        .isEqualTo(server.api("/scans/" + scanId).get("score").asText());
    assertThat(browser.executeScript("return sessionStorage.getItem('rampart.token')"))
        .isEqualTo(TOKEN);
  }
}
