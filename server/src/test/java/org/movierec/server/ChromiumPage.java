package org.movierec.server;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its chromedriver, both named by path so that Selenium
 * never looks for or downloads a browser or a driver. Without them a test is skipped with a
 * message, or fails under {@code -Dmovierec.requireBrowser=true}, as {@code .ci/run} passes.
 */
final class ChromiumPage implements AutoCloseable {

  /** The system property that turns a skip for a missing browser into a failure. */
  static final String REQUIRE_PROPERTY = "movierec.requireBrowser";

  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  final ChromeDriver driver;
  private final Path profile;

  private ChromiumPage(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** A fresh browser with an empty profile, or a skip (failure when required) without one. */
  static ChromiumPage open() throws IOException {
    if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
      String problem =
          "no headless Chromium: "
              + BROWSER
              + " and "
              + DRIVER
              + " are needed (apt-get install -y chromium chromium-driver)";
      if (Boolean.getBoolean(REQUIRE_PROPERTY)) {
        throw new AssertionError(problem + "; -D" + REQUIRE_PROPERTY + "=true requires them");
      }
      Assumptions.abort(problem + "; skipping the browser test");
    }
    // Selenium Manager would otherwise resolve drivers itself; it is told to stay offline.
    System.setProperty("webdriver.chrome.driver", DRIVER.toString());
    System.setProperty("SE_OFFLINE", "true");
    Path profile = Files.createTempDirectory("movierec-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,1150",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(DRIVER.toString()))
            .usingAnyFreePort()
            .withTimeout(Duration.ofSeconds(60))
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    return new ChromiumPage(driver, profile);
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
  }
}
