package se.lots.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static se.lots.browser.Registration.aRegistration;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;

@IntegrationTest
class AccessAndAuditBrowserTest {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final DateTimeFormatter AUDIT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("ownerDataSource")
    DataSource ownerDataSource;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @BeforeEach
    void pointAtServer() {
        browser.on(port);
    }

    @Test
    void auditorSeesKaasReadOfThePersonAndAnUnbrokenChain() {
        var selma = aRegistration();
        browser.loginAs("kaa");
        browser.register(selma);
        assertThat(browser.text("#identity")).isEqualTo(selma.formattedPersonalIdentityNumber());
        browser.logout();
        assertThat(browser.path()).isEqualTo("/login?logout");
        assertThat(browser.text("main .notice")).isEqualTo("Du är utloggad.");

        browser.loginAs("granskare");
        browser.clickAndWait("header nav a[href$='/audit']");
        assertThat(browser.text("h1")).isEqualTo("Logguppföljning");
        browser.assertAccessible("audit page");

        browser.type("pin", selma.tenDigitPersonalIdentityNumber());
        browser.clickAndWait("main form[role=search] button");

        List<List<String>> rows = browser.findAll("#audit-entries tbody tr").stream().map(this::cells).toList();
        assertThat(rows).as("log entries for the person")
                .anySatisfy(row -> assertThat(row).contains("kaa", "Läsning", "Egen organisation"))
                .anySatisfy(row -> assertThat(row).contains("kaa", "Registrering"));
        assertThat(browser.findAll("main a[href*='/audit/export?personId=']")).hasSize(1);
        String readAt = rows.stream().filter(row -> row.contains("Läsning")).findFirst().orElseThrow().get(0);
        assertThat(LocalDateTime.parse(readAt, AUDIT_TIME)).as("the log shows Swedish time, as the CSV export does")
                .isCloseTo(LocalDateTime.now(SWEDEN), within(2, ChronoUnit.MINUTES));
        browser.assertAccessible("audit page with entries");

        browser.clickAndWait("main form[action$='/audit/verify'] button");
        assertThat(browser.text("#verification")).startsWith("Loggkedjan är obruten");
        assertThat(browser.find("#verification").getAttribute("class")).isEqualTo("govuk-inset-text notice");
        browser.assertAccessible("audit page after verifying the chain");
    }

    @Test
    void auditorPublishesACheckpointAndVerifyFindsARowRewrittenBelowItEvenWithEveryLaterHashRecomputed() {
        var selma = aRegistration();
        browser.loginAs("kaa");
        browser.register(selma);
        String personId = browser.path().substring("/persons/".length());

        browser.loginAs("granskare");
        browser.open("/audit");
        browser.clickAndWait("main form[action$='/audit/checkpoint'] button");
        assertThat(browser.text("#checkpoint")).startsWith("Kontrollpunkt publicerad: post ");
        browser.clickAndWait("main form[action$='/audit/verify'] button");
        assertThat(browser.find("#verification").getAttribute("class")).isEqualTo("govuk-inset-text notice");
        assertThat(browser.text("#verification-checkpoints")).startsWith("Loggen stämmer med");
        browser.assertAccessible("audit page after publishing a checkpoint and verifying");

        // a superuser hides who registered Selma and recomputes every later hash: the chain alone looks whole
        var owner = JdbcClient.create(ownerDataSource);
        long rewritten = owner.sql("SELECT min(id) FROM audit_entry WHERE person_id = ?::uuid").param(personId)
                .query(Long.class).single();
        owner.sql("CREATE TABLE test_audit_browser_tamper AS SELECT id, username, prev_hash, hash FROM audit_entry"
                + " WHERE id >= " + rewritten).update();
        try {
            tamper(owner, """
                    DO $$
                    DECLARE
                        r audit_entry;
                        previous text;
                    BEGIN
                        SELECT hash INTO previous FROM audit_entry WHERE id < %1$d ORDER BY id DESC LIMIT 1;
                        FOR r IN SELECT * FROM audit_entry WHERE id >= %1$d ORDER BY id LOOP
                            IF r.id = %1$d THEN
                                r.username := 'någon-annan';
                            END IF;
                            r.prev_hash := previous;
                            r.hash := audit_entry_hash(r);
                            UPDATE audit_entry SET username = r.username, prev_hash = r.prev_hash, hash = r.hash
                             WHERE id = r.id;
                            previous := r.hash;
                        END LOOP;
                    END
                    $$""".formatted(rewritten));

            browser.clickAndWait("main form[action$='/audit/verify'] button");

            assertThat(browser.find("#verification").getAttribute("class")).isEqualTo("govuk-error-summary error");
            assertThat(browser.text("#verification-chain")).startsWith("Loggkedjan är obruten");
            assertThat(browser.text("#verification-disagrees"))
                    .startsWith("Databasen stämmer inte med kontrollpunkten för post ");
            browser.assertAccessible("audit page when the log disagrees with a checkpoint");
        } finally {
            tamper(owner, """
                    UPDATE audit_entry a SET username = b.username, prev_hash = b.prev_hash, hash = b.hash
                      FROM test_audit_browser_tamper b WHERE a.id = b.id""");
            owner.sql("DROP TABLE test_audit_browser_tamper").update();
        }
        browser.clickAndWait("main form[action$='/audit/verify'] button");
        assertThat(browser.find("#verification").getAttribute("class")).isEqualTo("govuk-inset-text notice");
    }

    private static void tamper(JdbcClient owner, String sql) {
        owner.sql("ALTER TABLE audit_entry DISABLE TRIGGER USER").update();
        try {
            owner.sql(sql).update();
        } finally {
            owner.sql("ALTER TABLE audit_entry ENABLE TRIGGER USER").update();
        }
    }

    @Test
    void userOfAnotherOrganisationGetsNoAccessPageWithEmergencyAccessFormInsteadOfTheData() {
        var selma = aRegistration();
        browser.loginAs("kaa");
        browser.register(selma);
        String personPage = browser.path();
        assertThat(personPage).matches("/persons/[0-9a-f-]{36}");

        browser.loginAs("af");
        browser.open(personPage);

        assertThat(browser.status()).isEqualTo(403L);
        assertThat(browser.text("h1")).isEqualTo("Ingen åtkomst");
        assertThat(browser.driver().getTitle()).startsWith("Ingen åtkomst");
        WebElement form = browser.find("main form[action$='/emergency-access']");
        assertThat(form.findElement(By.id("reason")).getAttribute("required")).isNotNull();
        assertThat(form.findElement(By.cssSelector("button[type=submit]")).getText())
                .isEqualTo("Öppna med nödåtkomst");
        assertThat(browser.source()).doesNotContain(selma.lastName(), selma.personalIdentityNumber().substring(8),
                selma.street(), "ung@example.se");
        browser.assertAccessible("no access page");

        browser.open("/persons?q=" + selma.personalIdentityNumber());
        assertThat(browser.text("main p[role=status]")).isEqualTo("0 träffar");
        assertThat(browser.source()).doesNotContain(selma.lastName());
    }

    @Test
    void registeringAPersonAnotherOrganisationHoldsLeadsToTheNoAccessPageNotADuplicate() {
        var selma = aRegistration();
        browser.loginAs("kaa");
        browser.register(selma);
        String personPage = browser.path();

        browser.loginAs("af");
        browser.register(selma);

        assertThat(browser.path()).isEqualTo(personPage + "?existing=true");
        assertThat(browser.status()).isEqualTo(403L);
        assertThat(browser.text("h1")).isEqualTo("Ingen åtkomst");
        assertThat(browser.text("main .notice")).startsWith("Personen finns redan i Lots, registrerad av en annan");
        assertThat(browser.source()).doesNotContain(selma.street(), "ung@example.se");
    }

    private List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    }
}
