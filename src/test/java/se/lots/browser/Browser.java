package se.lots.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium shared by the tests of a class: the system chromedriver (Selenium Manager cannot download one
 * here), a throw-away profile, and the few moves every Lots test needs (log in, fill the registration form, check a
 * page with axe).
 */
final class Browser implements AutoCloseable {

    static final String DEMO_PASSWORD = "lots-demo-2026";
    private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

    private final ChromeDriver driver;
    private final Path profile;
    private String baseUrl;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Browser start() {
        try {
            Path profile = Files.createTempDirectory("lots-chromium-");
            var service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
            var options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--window-size=1280,1024", "--lang=sv-SE",
                    "--user-data-dir=" + profile.toAbsolutePath());
            // the console, for consoleErrors(): a Content-Security-Policy violation shows only there
            var logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
            var driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
            return new Browser(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Browser on(int port) {
        this.baseUrl = "http://localhost:" + port;
        return this;
    }

    ChromeDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get(baseUrl + path);
    }

    String path() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    String source() {
        return driver.getPageSource();
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    /** The HTTP status of the page now shown, as the browser received it. */
    long status() {
        return (Long) ((JavascriptExecutor) driver)
                .executeScript("return performance.getEntriesByType('navigation')[0].responseStatus;");
    }

    /** The errors the page's console showed since the last call (script errors, refused loads, CSP violations). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    void type(String id, String value) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        if (value != null) {
            field.sendKeys(value);
        }
    }

    void choose(String id, String value) {
        new Select(driver.findElement(By.id(id))).selectByValue(value);
    }

    /** Clicks something that loads a new page and waits until the new page has replaced the old one. */
    void clickAndWait(WebElement element) {
        WebElement oldPage = driver.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> isGone(oldPage));
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> "complete".equals(
                ((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    // Chromium sometimes answers "does not belong to the document" instead of "stale" while a page is replaced
    private static boolean isGone(WebElement oldPage) {
        try {
            oldPage.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    void clickAndWait(String css) {
        clickAndWait(find(css));
    }

    /**
     * Opens a closed form panel (a details element whose form htmx loads when opened) and waits until the form is
     * there; a panel that is already open (it came back with errors) is left as it is.
     */
    void openPanel(String panelCss) {
        WebElement panel = find(panelCss);
        if (panel.getAttribute("open") == null) {
            panel.findElement(By.tagName("summary")).click();
        }
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !find(panelCss).findElements(
                By.cssSelector(".form-body form, .form-body .govuk-hint")).isEmpty());
    }

    /** Starts from a clean session (no cookies, Swedish) and logs in; the start page follows. */
    void loginAs(String username) {
        login(username, DEMO_PASSWORD);
        assertThat(path()).as("after logging in as %s", username).isEqualTo("/");
    }

    void login(String username, String password) {
        forgetSession();
        open("/login");
        type("username", username);
        type("password", password);
        clickAndWait("main form button[type=submit]");
    }

    /** No session and no language choice, as for someone who has never been here. */
    void forgetSession() {
        open("/login");
        driver.manage().deleteAllCookies();
    }

    void logout() {
        clickAndWait("header form[action$='/logout'] button");
    }

    /** Fills /persons/new as a KAA coordinator would and saves. */
    void register(Registration r) {
        open("/persons/new");
        type("personalIdentityNumber", r.personalIdentityNumber());
        type("firstName", r.firstName());
        type("lastName", r.lastName());
        choose("gender", "KVINNA");
        choose("municipalityCode", "1214");
        type("address-street", r.street());
        type("address-postalCode", r.postalCode());
        type("address-city", r.city());
        type("phone", "070-123 45 67");
        type("email", "ung@example.se");
        if (r.protectedIdentity()) {
            driver.findElement(By.id("protectedIdentity")).click();
        }
        clickAndWait("main form button[type=submit]");
    }

    /** Fails, listing what to fix, when axe finds anything serious or critical on the page now shown. */
    /** Fetches a link's target with the browser's session (a download), as bytes; fails on an error status. */
    byte[] download(String href) {
        Object base64 = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.ok ? r.arrayBuffer() : Promise.reject(r.status)).then(b => {
                    let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s));
                }).catch(e => done('failed: ' + e));""", href);
        org.assertj.core.api.Assertions.assertThat(String.valueOf(base64)).doesNotStartWith("failed");
        return java.util.Base64.getDecoder().decode(String.valueOf(base64));
    }

    void assertAccessible(String page) {
        var results = new AxeBuilder().analyze(driver);
        List<Rule> blocking = results.getViolations().stream()
                .filter(rule -> BLOCKING_IMPACTS.contains(rule.getImpact())).toList();
        if (!blocking.isEmpty()) {
            screenshot("axe-" + page.replaceAll("[^a-zA-Z0-9]+", "-"));
        }
        assertThat(blocking).as(() -> "axe on " + page + " (" + driver.getCurrentUrl() + "):\n" + describe(blocking))
                .isEmpty();
    }

    private static String describe(List<Rule> rules) {
        return rules.stream().map(rule -> "- " + rule.getId() + " [" + rule.getImpact() + "] " + rule.getHelp() + " "
                + rule.getHelpUrl() + "\n" + rule.getNodes().stream().map(Browser::describe)
                        .collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
    }

    private static String describe(CheckedNode node) {
        return "    " + node.getTarget() + "  " + node.getHtml() + "\n      "
                + String.valueOf(node.getFailureSummary()).replace("\n", "\n      ");
    }

    /** For a look at what the test saw: /tmp/lots-&lt;name&gt;.png. */
    Path screenshot(String name) {
        try {
            Path target = Path.of(System.getProperty("java.io.tmpdir"), "lots-" + name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a left-over temp profile is harmless
        }
    }
}
