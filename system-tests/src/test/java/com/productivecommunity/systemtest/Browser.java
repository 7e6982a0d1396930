package com.productivecommunity.systemtest;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's browser: Debian's headless Chromium driven through Debian's chromedriver (nothing is downloaded),
 * with a fresh profile, so every person has their own session cookie.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(30);
    // Selenium warns at every start that it has no DevTools bindings for this Chromium; the tests use none.
    private static final java.util.logging.Logger SELENIUM_LOG = quiet(java.util.logging.Logger.getLogger("org.openqa.selenium"));

    private final String baseUrl;
    private final Path screenshots;
    private final Path profile;
    private final ChromeDriver driver;

    Browser(String baseUrl, Path screenshots, int width, int height) {
        this.baseUrl = baseUrl;
        this.screenshots = screenshots;
        try {
            profile = Files.createTempDirectory("chromium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=" + width + "," + height, "--user-data-dir=" + profile, "--lang=en-US");
        // The console log carries Chromium's Content-Security-Policy violation reports (see cspViolations).
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
    }

    private static java.util.logging.Logger quiet(java.util.logging.Logger logger) {
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    /** Why no browser test can run here, or empty when Chromium and its driver are installed. */
    static Optional<String> whyNotRunnable() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER) ? Optional.empty()
                : Optional.of("Chromium is not installed: apt-get install -y chromium chromium-driver (.ci/run does it)");
    }

    void open(String hash) {
        String url = baseUrl + "/" + hash;
        if (driver.getCurrentUrl() != null && driver.getCurrentUrl().startsWith(baseUrl)) {
            ((JavascriptExecutor) driver).executeScript("location.hash = arguments[0]", hash);
        } else {
            driver.get(url);
        }
    }

    void signIn(String user) {
        // A full load, not a same-document hash change that would render the form again as we type.
        driver.get(baseUrl + "/?signin=" + System.nanoTime());
        type(By.id("login-user"), user);
        // Keyboard only: Enter in the password field signs in.
        type(By.id("login-password"), user + org.openqa.selenium.Keys.ENTER);
        waitFor(d -> d.findElement(By.id("who-name")).getText().equals(user));
    }

    void signOut() {
        click(By.id("logout"));
        visible(By.id("login-user"));
    }

    WebElement visible(By by) {
        return waitFor(d -> {
            List<WebElement> found = d.findElements(by);
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    void type(By by, String text) {
        waitFor(d -> {
            try {
                WebElement field = d.findElement(by);
                if (!field.isDisplayed()) {
                    return null;
                }
                field.clear();
                field.sendKeys(text);
                return true;
            } catch (StaleElementReferenceException | NoSuchElementException rendered) {
                return null; // the view is (re)rendering: type into the field that stays
            }
        });
    }

    /** Sets a long value at once (typing thousands of keys is slow) and lets the page see an input event. */
    void fill(By by, String text) {
        WebElement field = visible(by);
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))", field, text);
    }

    void select(By by, String visibleText) {
        new Select(visible(by)).selectByVisibleText(visibleText);
    }

    /** Unfolds the "share something" form (folded by default). */
    void openCompose() {
        WebElement box = visible(By.id("compose-box"));
        if (box.getDomAttribute("open") == null) {
            click(By.cssSelector("#compose-box > summary"));
        }
        visible(By.id("compose-title"));
    }

    void selectValue(By by, String value) {
        new Select(visible(by)).selectByValue(value);
    }

    void click(By by) {
        waitFor(d -> {
            WebElement element = d.findElement(by);
            return element.isDisplayed() && element.isEnabled() ? element : null;
        }).click();
    }

    String text(By by) {
        return visible(by).getText();
    }

    String value(By by) {
        return visible(by).getDomProperty("value");
    }

    void waitForText(By by, String expected) {
        waitFor(d -> d.findElements(by).stream().anyMatch(e -> e.getText().contains(expected)));
    }

    List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** Whether the condition holds within the time given (exceptions while checking count as "not yet"). */
    boolean within(Duration time, java.util.concurrent.Callable<Boolean> condition) {
        long deadline = System.nanoTime() + time.toNanos();
        do {
            try {
                if (Boolean.TRUE.equals(condition.call())) {
                    return true;
                }
            } catch (Exception notYet) {
                // still loading, or an older state
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        } while (System.nanoTime() < deadline);
        return false;
    }

    String currentHash() {
        return (String) ((JavascriptExecutor) driver).executeScript("return location.hash");
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        // An element found just before the page re-renders (the previous view's heading) is stale: look again.
        return new WebDriverWait(driver, WAIT, Duration.ofMillis(200))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(screenshots);
            File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(file.toPath(), screenshots.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A screenshot of the whole page, however long, at the window's width. */
    void fullPageScreenshot(String name) {
        Dimension before = driver.manage().window().getSize();
        Long height = (Long) script("return Math.ceil(document.documentElement.scrollHeight)");
        driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(Math.max(height + 120, before.getHeight()), 6000)));
        screenshot(name);
        driver.manage().window().setSize(before);
    }

    /** Content-Security-Policy violations Chromium reported on its console since the last call. */
    /** For a failure message: what the page's main element says, and what the console logged since the last read. */
    String diagnostics() {
        String main;
        try {
            main = driver.findElement(By.tagName("main")).getText();
        } catch (RuntimeException e) {
            main = "(no main element: " + e.getClass().getSimpleName() + ")";
        }
        List<String> console = driver.manage().logs().get("browser").getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage()).toList();
        return main.replaceAll("\\s+", " ") + "\nconsole: " + console;
    }

    List<String> cspViolations() {
        return driver.manage().logs().get("browser").getAll().stream()
                .map(entry -> entry.getMessage())
                .filter(message -> message.contains("Content Security Policy") || message.contains("Content-Security-Policy"))
                .toList();
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var paths = Files.walk(profile)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind costs nothing
            }
        }
    }
}
