package org.movierec.server;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver, both named by path so that Selenium
 * never looks for or downloads a browser or a driver. Without them a test is skipped with a
 * message, or fails under {@code -Dmovierec.requireBrowser=true}, as {@code .ci/run} passes. It
 * also does on the page what a visitor does (search, rate, click, read a list), for the tests and
 * for {@link PageScreenshots}.
 */
final class ChromiumPage implements AutoCloseable {

  /** The system property that turns a skip for a missing browser into a failure. */
  static final String REQUIRE_PROPERTY = "movierec.requireBrowser";

  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  /** The longest any step on the page may take to show its answer. */
  static final Duration WAIT = Duration.ofSeconds(20);

  final ChromeDriver driver;
  private final Path profile;

  private ChromiumPage(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** A fresh browser with an empty profile, or a skip (failure when required) without one. */
  static ChromiumPage open() throws IOException {
    return open(1280, 1150);
  }

  /** A fresh browser whose window, and so every screenshot, is this many pixels wide and high. */
  static ChromiumPage open(int width, int height) throws IOException {
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
        "--window-size=" + width + "," + height,
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

  /**
   * Searches the new user's panel, rates the first movie found with these stars, returns its id.
   */
  int rate(String query, String stars) {
    return rate(found(query).get(0), stars);
  }

  /** Searches the new user's panel and rates the found movie with this raw id with these stars. */
  int rate(String query, int movie, String stars) {
    String id = Integer.toString(movie);
    WebElement item =
        found(query).stream()
            .filter(row -> id.equals(row.getDomAttribute("data-movie")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("'" + query + "' finds no movie " + id));
    return rate(item, stars);
  }

  private int rate(WebElement found, String stars) {
    int id = Integer.parseInt(found.getDomAttribute("data-movie"));
    found.findElement(By.cssSelector("button.add")).click();
    WebElement row = driver.findElement(By.cssSelector("#my-ratings li[data-movie='" + id + "']"));
    new Select(row.findElement(By.tagName("select"))).selectByValue(stars);
    return id;
  }

  /** Types the text into the movie search, searches and waits for the titles it finds. */
  private List<WebElement> found(String query) {
    WebElement box = driver.findElement(By.id("movie-query"));
    box.clear();
    box.sendKeys(query);
    click("search-movies");
    String lower = query.toLowerCase(Locale.ROOT);
    waitFor(
        () -> !listed("found").isEmpty() && text("found").toLowerCase(Locale.ROOT).contains(lower));
    return driver.findElements(By.cssSelector("#found li"));
  }

  /** Types a user id into the user panel, shows that user, and waits for both columns. */
  void showUser(int user, int count) {
    WebElement box = driver.findElement(By.id("user-id"));
    box.clear();
    box.sendKeys(Integer.toString(user));
    click("show-user");
    waitFor(
        () ->
            text("recommended-heading").equals("Recommended for user " + user)
                && listed("recommended").size() == count);
    waitFor(() -> !listed("rated").isEmpty());
  }

  void click(String id) {
    driver.findElement(By.id(id)).click();
  }

  String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  /** The raw movie ids of a list on the page, in its order. */
  List<Integer> listed(String id) {
    return driver.findElements(By.cssSelector("#" + id + " > li")).stream()
        .map(item -> Integer.parseInt(item.getDomAttribute("data-movie")))
        .toList();
  }

  /** The lines of a list on the page as shown: score, title and genres. */
  List<String> lines(String id) {
    return driver.findElements(By.cssSelector("#" + id + " > li")).stream()
        .map(WebElement::getText)
        .toList();
  }

  /**
   * Waits until the condition holds; a list replaced while it was read (the page clears and refills
   * its lists on every answer) is read again.
   */
  void waitFor(BooleanSupplier done) {
    new WebDriverWait(driver, WAIT)
        .ignoring(StaleElementReferenceException.class)
        .until(ignored -> done.getAsBoolean());
  }

  /**
   * Saves what the window shows as a PNG, replacing the file only once the whole image is written,
   * and returns its size in bytes.
   */
  long screenshot(Path target) throws IOException {
    byte[] png = driver.getScreenshotAs(OutputType.BYTES);
    // Written beside the target with the umask's permissions (a temporary file's are owner-only).
    Path temp = target.resolveSibling(target.getFileName() + ".part");
    Files.write(temp, png);
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return png.length;
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
