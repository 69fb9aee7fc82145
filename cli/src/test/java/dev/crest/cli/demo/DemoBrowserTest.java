package dev.crest.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Opens a shortened demo's {@code index.html} in headless Chromium, follows every link, and checks that each page
 * renders its tables and charts (SVG charts with a size, images that decoded) without console errors, saving a
 * screenshot of each page to {@code target/screenshots/}.
 */
class DemoBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static ChromeDriver driver;

    @BeforeAll
    static void startBrowser() {
        assumeThat(Files.isExecutable(CHROMIUM)).as("Chromium is not installed at " + CHROMIUM).isTrue();
        assumeThat(Files.isExecutable(CHROMEDRIVER)).as("chromedriver is not installed at " + CHROMEDRIVER).isTrue();
        // The driver is given explicitly so Selenium Manager never looks for one on the network.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,2000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void everyPageReachableFromTheIndexRendersItsTablesAndCharts() throws IOException {
        Path out = ShortDemo.folder();
        Files.createDirectories(SCREENSHOTS);
        URI index = out.resolve("index.html").toUri();
        Deque<URI> toVisit = new ArrayDeque<>(List.of(index));
        Set<URI> visited = new LinkedHashSet<>();
        while (!toVisit.isEmpty()) {
            URI page = toVisit.pop();
            if (!visited.add(page)) {
                continue;
            }
            driver.get(page.toString());
            checkPage(out, page);
            for (WebElement link : driver.findElements(By.cssSelector("a[href]"))) {
                URI target = URI.create(link.getAttribute("href"));
                URI withoutFragment = URI.create(target.getScheme() + ":" + target.getRawSchemeSpecificPart());
                if (target.getRawFragment() != null && withoutFragment.equals(page)) {
                    continue;
                }
                assertThat(target.getScheme()).as("link %s on %s leaves the disk", target, page).isEqualTo("file");
                assertThat(Path.of(withoutFragment)).as("link target of %s", page).exists();
                assertThat(Path.of(withoutFragment).normalize()).startsWith(out);
                if (withoutFragment.getPath().endsWith(".html")) {
                    toVisit.add(withoutFragment);
                }
            }
        }
        assertThat(visited).contains(index, out.resolve("fuzz/index.html").toUri(),
                out.resolve("netsim/index.html").toUri(), out.resolve("netsim/sweep/index.html").toUri(),
                out.resolve("ame/run/index.html").toUri());
    }

    private static void checkPage(Path out, URI page) throws IOException {
        String relative = out.relativize(Path.of(page)).toString();
        assertThat(driver.getTitle()).as("title of %s", relative).isNotBlank();
        assertThat(driver.findElements(By.tagName("h1"))).as("heading of %s", relative).isNotEmpty();
        List<WebElement> charts = driver.findElements(By.cssSelector("svg"));
        for (WebElement svg : charts) {
            assertThat(svg.getRect().getWidth()).as("chart width on %s", relative).isPositive();
            assertThat(svg.getRect().getHeight()).as("chart height on %s", relative).isPositive();
        }
        List<WebElement> images = driver.findElements(By.tagName("img"));
        for (WebElement img : images) {
            Object width = ((JavascriptExecutor) driver).executeScript(
                    "return arguments[0].complete ? arguments[0].naturalWidth : 0;", img);
            assertThat(((Number) width).longValue()).as("image decoded on %s", relative).isPositive();
        }
        int tables = driver.findElements(By.tagName("table")).size();
        Map<String, int[]> expected = Map.of(
                // page: at least {tables, charts, images}
                "fuzz/index.html", new int[] {2, 0, 0},
                "netsim/index.html", new int[] {2, 2, 0},
                "netsim/sweep/index.html", new int[] {1, 2, 0},
                "ame/run/index.html", new int[] {1, 1, 1});
        int[] least = expected.getOrDefault(relative, new int[] {0, 0, 0});
        assertThat(tables).as("tables on %s", relative).isGreaterThanOrEqualTo(least[0]);
        assertThat(charts.size()).as("charts on %s", relative).isGreaterThanOrEqualTo(least[1]);
        assertThat(images.size()).as("images on %s", relative).isGreaterThanOrEqualTo(least[2]);
        List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(errors).as("console errors on %s", relative).isEmpty();
        Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(relative.replace('/', '-').replace(".html", ".png")),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
