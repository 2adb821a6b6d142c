package se.lots.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lots.shared.Spreadsheets.xlsx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.lots.IntegrationTest;
import se.lots.intervention.CatalogueService;
import se.lots.intervention.InterventionInput;
import se.lots.intervention.Provider;
import se.lots.intervention.ProviderInput;
import se.lots.intervention.catalogue.CatalogueTransfer;
import se.lots.intervention.catalogue.Intervention;
import se.lots.security.CurrentActor;
import se.lots.shared.TabularFile;

/**
 * The förbund officer's yearly round in headless Chromium: export the catalogue, give a provider a new phone number
 * on its rows and delete an intervention that has ended, import the file. The preview shows the provider's change
 * and the intervention left out; confirmed with "retire", the provider has the new number and the intervention is
 * retired. A file whose rows of one provider disagree is refused with row and column and cannot be confirmed. axe
 * finds nothing serious on the import page and the preview.
 */
@IntegrationTest
class CatalogueImportBrowserTest {

    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    CatalogueService catalogue;
    @Autowired
    CatalogueTransfer transfer;
    @Autowired
    CurrentActor actors;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    private static InterventionInput intervention(Provider p, String name) {
        return new InterventionInput(Long.toString(p.id()), null, name, "Samtal och studiebesök.", "AKTIVITET", "",
                "16", "29", List.of(), List.of(), "", "", "8", "0", "0", "", "", false, List.of("1214"), null, null,
                null, null);
    }

    @Test
    void anExportedFileWithANewPhoneAndARowDeletedChangesTheProviderAndRetiresTheIntervention() throws IOException {
        var forbund = actors.byUsername("forbund");
        String m = "imp" + System.nanoTime() % 1_000_000;
        Provider p = catalogue.saveProvider(forbund, null, new ProviderInput(null, null, "Föreningen " + m,
                "CIVIL_SOCIETY", "Kim Kontakt", "0418-100 00", "kim@example.se", null, null, null));
        Intervention kept = catalogue.create(forbund, intervention(p, "Studiecirkel " + m));
        Intervention ended = catalogue.create(forbund, intervention(p, "Sommarkurs " + m));

        var export = TabularFile.read("katalog.xlsx", transfer.export(forbund));
        int id = export.headers().indexOf("Id");
        int phone = export.headers().indexOf("Telefon");
        var rows = new ArrayList<List<Object>>();
        for (var r : export.rows()) {
            if (r.value(id).equals(Long.toString(ended.id()))) {
                continue;
            }
            var values = new ArrayList<Object>(r.values());
            if (r.value(id).equals(Long.toString(kept.id()))) {
                values.set(phone, "0418-222 22");
            }
            rows.add(values);
        }
        Path file = Files.createTempFile("katalog-", ".xlsx");
        Files.write(file, xlsx(export.headers(), rows));

        browser.on(port).loginAs("forbund");
        browser.open("/insatser/import");
        browser.assertAccessible("catalogue import");
        browser.find("#file").sendKeys(file.toString());
        browser.clickAndWait("#import-submit");

        assertThat(browser.text("#import-counts")).contains("0 nya, 0 ändrade").contains("0 fel");
        assertThat(browser.text("#import-changed-providers tbody")).contains("Föreningen " + m).contains("Telefon")
                .doesNotContain("Kontaktperson");
        assertThat(browser.text("#import-missing tbody")).contains("Sommarkurs " + m)
                .doesNotContain("Studiecirkel " + m);
        assertThat(browser.text("#missing-heading")).isEqualTo("Finns i katalogen men inte i filen (1)");
        browser.assertAccessible("catalogue import preview");
        browser.find("#retireMissing").click();
        browser.clickAndWait("#import-confirm");

        assertThat(browser.path()).isEqualTo("/insatser/import");
        assertThat(browser.text("#import-done"))
                .isEqualTo("Importen är sparad: 0 nya och 0 ändrade insatser, 1 ändrade utförare, 1 avslutade insatser.");
        assertThat(catalogue.provider(p.id()).phone()).isEqualTo("0418-222 22");
        assertThat(catalogue.intervention(ended.id()).retired()).isTrue();
        assertThat(catalogue.intervention(kept.id()).retired()).isFalse();

        // two rows of the provider disagree: errors with row and column, no way to confirm
        int provider = export.headers().indexOf("Utförare");
        int name = export.headers().indexOf("Insats");
        var twoRows = new ArrayList<List<Object>>();
        for (String phoneNumber : List.of("0418-333 33", "0418-444 44")) {
            var values = new ArrayList<Object>(rows.get(0).size());
            export.headers().forEach(h -> values.add(null));
            values.set(provider, "Föreningen " + m);
            values.set(name, "Studiecirkel " + m + " " + phoneNumber);
            values.set(export.headers().indexOf("Typ"), "Aktivitet");
            values.set(export.headers().indexOf("Ålder från"), 16);
            values.set(export.headers().indexOf("Ålder till"), 29);
            values.set(export.headers().indexOf("Kommuner"), "1214");
            values.set(phone, phoneNumber);
            twoRows.add(values);
        }
        Files.write(file, xlsx(export.headers(), twoRows));
        browser.open("/insatser/import");
        browser.find("#file").sendKeys(file.toString());
        browser.clickAndWait("#import-submit");
        assertThat(browser.text("#import-errors tbody")).isEqualTo("3 Telefon Telefon för ”Föreningen " + m
                + "” skiljer sig från rad 2; alla rader för samma utförare ska ange samma värde.");
        assertThat(browser.findAll("#confirm-form")).isEmpty();
        assertThat(catalogue.provider(p.id()).phone()).isEqualTo("0418-222 22");
        Files.delete(file);
    }
}
