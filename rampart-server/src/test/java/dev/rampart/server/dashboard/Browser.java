package dev.rampart.server.dashboard;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven through the system chromedriver. Selenium Manager is never
 * asked: it would download a browser or a driver, and the build runs offline. Without the two
 * Debian packages the browser tests are skipped, saying so; {@code .ci/run} installs them.
 */
final class Browser {

  static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
  static final String DRIVER =
      System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");

  private Browser() {}

  /** Ends a test class's browser and server, whichever of them started. */
  static void stop(ChromeDriver browser, DashboardServer server) {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  static ChromeDriver start(Path profile) throws IOException {
    assumeTrue(
        new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute(),
        "browser tests skipped: Debian chromium and chromium-driver are not installed ("
            + CHROMIUM
            + ", "
            + DRIVER
            + "); apt-get install -y chromium chromium-driver");
    Files.createDirectories(profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(DRIVER))
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1440,1000",
        "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1440, 1000));
    return driver;
  }

  /**
   * Waits until the page has rendered the view of its current address: app.js marks the body with
   * data-state and the hash it rendered, so that a hash change that has not been handled yet is not
   * mistaken for the previous view.
   */
  static void ready(WebDriver driver) {
    try {
      new WebDriverWait(driver, Duration.ofSeconds(20))
          .until(
              d ->
                  Boolean.TRUE.equals(
                      ((JavascriptExecutor) d)
                          .executeScript(
                              "const b = document.body; return b.getAttribute('data-state') ==="
                                  + " 'ready' && b.getAttribute('data-rendered') === location.hash")));
    } catch (TimeoutException e) {
      // Say what the page showed instead: a timeout alone does not tell why.
      throw new AssertionError(
          "the dashboard did not finish rendering "
              + driver.getCurrentUrl()
              + ":\n"
              + driver.findElement(By.tagName("body")).getText(),
          e);
    }
  }

  /** Opens a route of the dashboard ("#/findings?...") and waits until it has rendered. */
  static void open(WebDriver driver, String base, String hash) {
    driver.get(base + "/" + hash);
    ready(driver);
  }
}
