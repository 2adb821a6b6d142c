package se.lots.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import se.lots.LotsApplication;

/**
 * The screenshots in README.md and docs/images, made from the running application: Lots starts on a throw-away
 * embedded PostgreSQL with the demo municipality, and headless Chromium logs in as each role and photographs its
 * start page at 1366 px (a laptop) and 400 px (a phone), the person page, and the public catalogue on a phone.
 *
 * <pre>./mvnw -Pscreenshots test-compile exec:java</pre>
 *
 * (-Dlots.screenshots.dir=… writes elsewhere; docs/images by default). A page taller than the window is photographed
 * whole, up to 3 000 px. Nothing here is a test: the browser tests check the same pages.
 */
public final class Screenshots {

    /** The demo users whose start pages are shown, one per role (README.md, "Demo users"). */
    static final List<String> ROLES = List.of("coach", "kaa", "socialsekreterare", "insatsledare", "af", "forbund",
            "analytiker", "granskare", "demoadmin");

    private Screenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(System.getProperty("lots.screenshots.dir", "docs/images"));
        Files.createDirectories(dir);
        var app = new SpringApplicationBuilder(LotsApplication.class)
                .properties("PORT=0", "lots.db.ephemeral=true", "lots.demo=true", "lots.admin-password=",
                        "logging.level.root=warn", "logging.level.se.lots=warn", "logging.level.org.springdoc=error")
                .run(args);
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        try (var browser = Browser.start().on(port)) {
            for (String user : ROLES) {
                browser.loginAs(user);
                shoot(browser, 1366, dir.resolve("start-" + user + "-1366.png"));
                shoot(browser, 400, dir.resolve("start-" + user + "-400.png"));
            }
            browser.loginAs("kaa");
            browser.open("/persons?q=an");
            browser.clickAndWait("main a[href^='/persons/']:not([href='/persons/new'])");
            shoot(browser, 1366, dir.resolve("person-page.png"));
            browser.forgetSession();
            browser.open("/katalog");
            shoot(browser, 400, dir.resolve("catalogue-400.png"));
        } finally {
            app.close();
        }
        System.out.println("Screenshots written to " + dir.toAbsolutePath());
    }

    /** The page now shown, reloaded at this width, whole (up to 3 000 px high). */
    private static void shoot(Browser browser, int width, Path file) {
        var driver = browser.driver();
        driver.manage().window().setSize(new Dimension(width, 900));
        driver.navigate().refresh();
        long height = (Long) ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollHeight;");
        driver.manage().window().setSize(new Dimension(width, (int) Math.min(Math.max(height, 900), 3000)));
        try {
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(file);
    }
}
