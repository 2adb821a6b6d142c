package se.lots.intervention.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.lots.intervention.InterventionBuilder.anIntervention;
import static se.lots.shared.Spreadsheets.xlsx;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import se.lots.IntegrationTest;
import se.lots.intervention.CatalogueService;
import se.lots.intervention.Need;
import se.lots.intervention.Provider;
import se.lots.intervention.ProviderInput;
import se.lots.intervention.catalogue.CatalogueImportPreview.RowError;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;
import se.lots.shared.ConflictException;
import se.lots.shared.TabularFile;

/**
 * The catalogue to xlsx and back: the round trip changes nothing, an edited file changes what was edited (all or
 * nothing, versioned, recorded), and broken files are refused with row, column and a Swedish message.
 */
@IntegrationTest
class InterventionImportIntegrationTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Locale SWEDISH = Locale.forLanguageTag("sv");
    private static final List<String> HEADERS = List.of("Id", "Utförare", "Part", "Insats", "Typ", "Målgrupp",
            "Ålder från", "Ålder till", "NPF-stöd", "Boende", "Kapacitet (platser)", "Väntetid (dagar)", "KAA-åtgärd",
            "Kommuner", "Beskrivning");

    @Autowired
    CatalogueService catalogue;
    @Autowired
    CatalogueTransfer transfer;
    @Autowired
    CatalogueImportService imports;
    @Autowired
    CurrentActor actors;
    @Autowired
    JdbcClient jdbc;

    private static String marker() {
        return "immark" + SEQUENCE.incrementAndGet() + "x" + System.nanoTime() % 100_000;
    }

    private Actor forbund() {
        return actors.byUsername("forbund");
    }

    private Provider provider(String name) {
        return catalogue.saveProvider(forbund(), null, new ProviderInput(null, null, name, "CIVIL_SOCIETY",
                "Kim Kontakt", "0418-100 00", "kim@example.se", null, null, null));
    }

    private Need need(String name) {
        return catalogue.needs().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    private long interventionCount() {
        return jdbc.sql("SELECT count(*) FROM intervention").query(Long.class).single();
    }

    private long providerCount() {
        return jdbc.sql("SELECT count(*) FROM provider").query(Long.class).single();
    }

    @Test
    void exportThenImportChangesNothing() {
        String m = marker();
        Provider p = provider("Utförare " + m);
        catalogue.create(forbund(), anIntervention(p).named("Rund " + m).described("Rad ett.\nRad två.")
                .withNeeds(need("NPF-stöd"), need("Språk")).places(12, 3).waiting(14).kaaMeasure()
                .in("1214", "1282").valid("2024-01-01", null).build());
        catalogue.create(forbund(), anIntervention(p).named("Tom " + m).places(null, null).build());
        long before = interventionCount();

        byte[] file = transfer.export(forbund());
        var file2 = TabularFile.read("katalog.xlsx", file);
        assertThat(file2.headers()).startsWith("Id", "Utförare", "Part", "Insats", "Typ", "Målgrupp", "Ålder från",
                "Ålder till", "Praktiskt stöd").contains("NPF-stöd", "Kapacitet (platser)", "Beläggning",
                "Väntetid (dagar)", "Metod", "Tid i insats (veckor)", "KAA-åtgärd", "Kommuner", "Kontaktperson");
        var preview = imports.upload(forbund(), "katalog.xlsx", file, SWEDISH);

        assertThat(preview.errors()).isEmpty();
        assertThat(preview.added()).isEmpty();
        assertThat(preview.changed()).isEmpty();
        assertThat(preview.unchanged()).isEqualTo(file2.rows().size()).isGreaterThanOrEqualTo(2);
        assertThat(preview.changesNothing()).isTrue();
        assertThat(interventionCount()).isEqualTo(before);
    }

    @Test
    void anEditedFileAddsAndChangesWhatWasEditedAndIsRecordedAndReImportingItChangesNothing() {
        String m = marker();
        Provider p = provider("Utförare " + m);
        Intervention one = catalogue.create(forbund(), anIntervention(p).named("Ett " + m).withNeeds(need("Boende"))
                .places(10, 0).build());
        byte[] file = xlsx(HEADERS, List.of(
                List.of(one.id(), "Utförare " + m, "Civilsamhälle", "Ett " + m, "Insats",
                        "Unga som varken arbetar eller studerar", 16, 29, "", "x", 15, "", "", "1214",
                        "Stöd i vardagen och på vägen mot arbete eller studier."),
                List.of("", "Ny förening " + m, "Civilsamhälle", "Två " + m, "Praktik", "", 18, 24, "x", "", 4, 7, "x",
                        "Svalöv; 1282", "Praktik hos föreningen.")));

        var preview = imports.upload(forbund(), "redigerad.xlsx", file, SWEDISH);
        assertThat(preview.errors()).isEmpty();
        assertThat(preview.added()).extracting(CatalogueImportPreview.Entry::name).containsExactly("Två " + m);
        assertThat(preview.changed()).hasSize(1);
        // the file has no eligibility, method, duration, cost or financing columns: those become empty too
        assertThat(preview.changed().get(0).fields()).contains("Kapacitet (platser)", "Vem kan delta");
        assertThat(preview.newProviders()).containsExactly("Ny förening " + m);
        assertThat(catalogue.intervention(one.id()).capacity()).isEqualTo(10);

        confirm(preview, false);

        assertThat(catalogue.intervention(one.id()).capacity()).isEqualTo(15);
        assertThat(catalogue.history(one.id())).hasSize(2);
        var two = catalogue.search(new InterventionQuery("Två " + m, null, null, null, null, null, null, false, false,
                false, 0)).items();
        assertThat(two).hasSize(1);
        Intervention added = catalogue.intervention(two.get(0).id());
        assertThat(added.providerName()).isEqualTo("Ny förening " + m);
        assertThat(added.kind()).isEqualTo(InterventionKind.PRAKTIK);
        assertThat(added.municipalityCodes()).containsExactly("1214", "1282");
        assertThat(added.needs()).containsExactly(need("NPF-stöd"));
        assertThat(added.kaaMeasure()).isTrue();
        assertThat(added.waitingDays()).isEqualTo(7);
        var record = imports.recent(forbund()).get(0);
        assertThat(record.fileName()).isEqualTo("redigerad.xlsx");
        assertThat(record.added()).isEqualTo(1);
        assertThat(record.changed()).isEqualTo(1);
        assertThat(record.confirmedBy()).isNotBlank();
        long audited = jdbc.sql("SELECT count(*) FROM audit_entry WHERE detail LIKE ?")
                .param("insatsimport " + preview.importId() + " genomförd%").query(Long.class).single();
        assertThat(audited).isEqualTo(1);
        assertThatThrownBy(() -> confirm(preview, false))
                .isInstanceOf(ConflictException.class);

        var again = imports.upload(forbund(), "redigerad.xlsx", file, SWEDISH);
        assertThat(again.errors()).isEmpty();
        assertThat(again.changesNothing()).isTrue();
        assertThat(again.unchanged()).isEqualTo(2);
    }

    @Test
    void aConfirmationIsRefusedWhenTheCatalogueChangedSinceThePreview() {
        String m = marker();
        Provider p = provider("Utförare " + m);
        Intervention one = catalogue.create(forbund(), anIntervention(p).named("Ett " + m).places(10, 0).build());
        byte[] file = xlsx(HEADERS, List.of(List.of(one.id(), "Utförare " + m, "", "Ett " + m, "Insats", "", 16, 29,
                "", "", 20, "", "", "1214", "Beskrivning.")));
        var preview = imports.upload(forbund(), "a.xlsx", file, SWEDISH);
        catalogue.update(forbund(), one.id(), anIntervention(p).named("Ett " + m).places(11, 0).atVersion(0).build());

        assertThatThrownBy(() -> confirm(preview, false))
                .isInstanceOf(ConflictException.class).hasMessageContaining("catalogue.import.stale");
        assertThat(catalogue.intervention(one.id()).capacity()).isEqualTo(11);
    }

    @Test
    void brokenFilesAreRefusedWithRowColumnAndASwedishMessageAndNothingIsSaved() {
        String m = marker();
        long interventionsBefore = interventionCount();
        long providersBefore = providerCount();
        List<Object> good = List.of("", "Förening " + m, "Civilsamhälle", "Bra " + m, "Insats", "", 16, 29, "x", "",
                5, "", "", "1214", "Bra rad.");

        var wrongHeader = new ArrayList<>(HEADERS);
        wrongHeader.set(1, "Leverantör");
        assertErrors(xlsx(wrongHeader, List.of(good)),
                new RowError(1, "Leverantör",
                        "Kolumnen ”Leverantör” är varken en känd kolumn eller ett behov i listan över behov."),
                new RowError(1, "Utförare", "Kolumnen ”Utförare” saknas."));

        assertErrors(xlsx(HEADERS, List.of(good, row(row(good, 3, "Annan " + m), 6, "abc"))),
                new RowError(3, "Ålder från", "Ålder från ska vara ett heltal, inte ”abc”."));
        assertErrors(xlsx(HEADERS, List.of(row(row(row(good, 3, "Annan " + m), 6, 25), 7, 18), good)),
                new RowError(2, "Ålder från", "Ålder från (25) kan inte vara högre än ålder till (18)."));

        var unknownNeed = new ArrayList<>(HEADERS);
        unknownNeed.set(9, "Körkort");
        assertErrors(xlsx(unknownNeed, List.of(good)), new RowError(1, "Körkort",
                "Kolumnen ”Körkort” är varken en känd kolumn eller ett behov i listan över behov."));

        assertErrors(xlsx(HEADERS, List.of(good, row(row(good, 3, "Annan " + m), 13, "1214; 9999"))),
                new RowError(3, "Kommuner",
                        "Kommunen ”9999” finns inte (ange kommunkod, t.ex. 1214, eller namn)."));
        assertErrors(xlsx(HEADERS, List.of(row(good, 8, "ja kanske"))),
                new RowError(2, "NPF-stöd", "Skriv ”x” eller lämna tomt, inte ”ja kanske”."));
        assertErrors(new byte[0], new RowError(0, "", "Filen är tom eller saknar rubrikrad."));
        assertErrors("Utförare;Insats\nA;B\n".getBytes(StandardCharsets.UTF_8), new RowError(0, "",
                "Filen är inte en Excel-fil (.xlsx). Spara den från Excel som .xlsx och försök igen."));
        assertErrors(xlsx(HEADERS, List.of()), new RowError(0, "", "Filen har rubrikrad men inga insatser."));

        assertThat(interventionCount()).isEqualTo(interventionsBefore);
        assertThat(providerCount()).isEqualTo(providersBefore);
    }

    @Test
    void aRightToLeftOverrideInAnInterventionsNameIsARowErrorNamingRowAndColumnAndNothingIsSaved() {
        String m = marker();
        long interventionsBefore = interventionCount();
        List<Object> good = List.of("", "Förening " + m, "Civilsamhälle", "Bra " + m, "Insats", "", 16, 29, "x", "",
                5, "", "", "1214", "Bra rad.");

        assertErrors(xlsx(HEADERS, List.of(good, row(good, 3, "\u202Eannod " + m))), new RowError(3, "Insats",
                "Fältet Insats innehåller ett otillåtet tecken (U+202E): styrtecken och osynliga formateringstecken"
                        + " (t.ex. nolltecken, riktningsomkastning, nollbredda mellanslag) kan inte sparas."
                        + " Ta bort tecknet och försök igen."));

        assertThat(interventionCount()).isEqualTo(interventionsBefore);
    }

    private static final List<String> WITH_CONTACT = List.of("Utförare", "Part", "Insats", "Typ", "Ålder från",
            "Ålder till", "Kommuner", "Kontaktperson", "Telefon", "E-post");

    @Test
    void aProvidersContactDetailsComeFromItsRowsWhichMustAgreeAndAnEmptyCellChangesNothing() {
        String m = marker();
        Provider p = provider("Utförare " + m);
        Intervention one = catalogue.create(forbund(), anIntervention(p).named("Ett " + m).build());
        Intervention two = catalogue.create(forbund(), anIntervention(p).named("Två " + m).build());
        // row 2 gives a new phone and the same e-mail, row 3 leaves phone empty and names a new contact person
        byte[] file = xlsx(WITH_CONTACT, List.of(
                List.of("Utförare " + m, "", "Ett " + m, "Insats", 16, 29, "1214", "", "0418-200 00",
                        "kim@example.se"),
                List.of("Utförare " + m, "Civilsamhälle", "Två " + m, "Insats", 16, 29, "1214", "Robin Ny", "",
                        "")));

        var preview = imports.upload(forbund(), "kontakter.xlsx", file, SWEDISH);
        assertThat(preview.errors()).isEmpty();
        assertThat(preview.changedProviders()).containsExactly(new CatalogueImportPreview.ProviderChange(2,
                "Utförare " + m, List.of("Kontaktperson", "Telefon")));
        assertThat(preview.changesNothing()).isFalse();
        assertThat(catalogue.provider(p.id()).phone()).isEqualTo("0418-100 00");

        confirm(preview, false);

        Provider after = catalogue.provider(p.id());
        assertThat(after.contactName()).isEqualTo("Robin Ny");
        assertThat(after.phone()).isEqualTo("0418-200 00");
        assertThat(after.email()).isEqualTo("kim@example.se");
        assertThat(catalogue.providerHistory(p.id())).hasSize(2).first()
                .satisfies(v -> assertThat(v.changedFields()).containsExactly("contactName", "phone"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE detail = ?")
                .param("utförare " + p.id() + " (import): contactName, phone").query(Long.class).single())
                .isEqualTo(1);
        assertThat(catalogue.intervention(one.id()).retired()).isFalse();
        assertThat(catalogue.intervention(two.id()).retired()).isFalse();
        var again = imports.upload(forbund(), "kontakter.xlsx", file, SWEDISH);
        assertThat(again.changedProviders()).isEmpty();

        // two rows of one provider that disagree, and a wrong e-mail: nothing is saved
        byte[] disagreeing = xlsx(WITH_CONTACT, List.of(
                List.of("Utförare " + m, "", "Ett " + m, "Insats", 16, 29, "1214", "", "0418-300 00", ""),
                List.of("Utförare " + m, "", "Två " + m, "Insats", 16, 29, "1214", "", "0418-400 00",
                        "kim(at)example.se")));
        assertErrors(disagreeing,
                new RowError(3, "E-post", "E-postadressen har fel format."),
                new RowError(3, "Telefon", "Telefon för ”Utförare " + m
                        + "” skiljer sig från rad 2; alla rader för samma utförare ska ange samma värde."));
        assertThat(catalogue.provider(p.id()).phone()).isEqualTo("0418-200 00");

        // a new provider's rows must agree too; the first row gives the details
        byte[] newOne = xlsx(WITH_CONTACT, List.of(
                List.of("Ny " + m, "Civilsamhälle", "Tre " + m, "Insats", 16, 29, "1214", "Alex", "", ""),
                List.of("Ny " + m, "Annan", "Fyra " + m, "Insats", 16, 29, "1214", "", "", "alex@example.se")));
        assertErrors(newOne, new RowError(3, "Part", "Part för ”Ny " + m
                + "” skiljer sig från rad 2; alla rader för samma utförare ska ange samma värde."));
    }

    @Test
    void interventionsLeftOutOfTheFileAreListedAndRetiredOnlyWhenTheUserChooses() {
        String m = marker();
        Provider p = provider("Utförare " + m);
        Intervention kept = catalogue.create(forbund(), anIntervention(p).named("Kvar " + m).build());
        Intervention left = catalogue.create(forbund(), anIntervention(p).named("Borta " + m).build());
        var exported = TabularFile.read("katalog.xlsx", transfer.export(forbund()));
        int idColumn = exported.headers().indexOf("Id");
        List<List<Object>> rows = exported.rows().stream()
                .filter(r -> !r.value(idColumn).equals(Long.toString(left.id())))
                .map(r -> List.<Object>copyOf(r.values())).toList();
        assertThat(rows).hasSize(exported.rows().size() - 1);
        byte[] file = xlsx(exported.headers(), rows);

        var preview = imports.upload(forbund(), "utan-en.xlsx", file, SWEDISH);
        assertThat(preview.errors()).isEmpty();
        assertThat(preview.changesNothing()).isTrue();
        assertThat(preview.missing()).containsExactly(new CatalogueImportPreview.Missing(left.id(), "Utförare " + m,
                "Borta " + m));
        // not chosen: nothing is retired
        confirm(preview, false);
        assertThat(catalogue.intervention(left.id()).retired()).isFalse();

        // chosen, but someone saved the intervention after the preview: refused, nothing retired
        var second = imports.upload(forbund(), "utan-en.xlsx", file, SWEDISH);
        catalogue.update(forbund(), left.id(), anIntervention(p).named("Borta " + m).places(3, 0).atVersion(0)
                .build());
        assertThatThrownBy(() -> confirm(second, true))
                .isInstanceOf(ConflictException.class).hasMessageContaining("catalogue.import.stale");
        assertThat(catalogue.intervention(left.id()).retired()).isFalse();

        var third = imports.upload(forbund(), "utan-en.xlsx", file, SWEDISH);
        confirm(third, true);
        Intervention retired = catalogue.intervention(left.id());
        assertThat(retired.retired()).isTrue();
        assertThat(catalogue.history(left.id())).hasSize(3);
        assertThat(catalogue.intervention(kept.id()).retired()).isFalse();
        assertThat(imports.upload(forbund(), "utan-en.xlsx", file, SWEDISH).missing()).isEmpty();
    }

    @Test
    void onlyTheAdministratorAndTheFederationImport() {
        byte[] file = xlsx(HEADERS, List.of());
        assertThatThrownBy(() -> imports.upload(actors.byUsername("insatsledare"), "a.xlsx", file, SWEDISH))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> imports.upload(actors.byUsername("coach"), "a.xlsx", file, SWEDISH))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(imports.upload(actors.byUsername("demoadmin"), "a.xlsx", file, SWEDISH).errors()).isNotEmpty();
    }

    /** The preview lists exactly {@code expected}, and confirming it is refused. */
    private void assertErrors(byte[] file, RowError... expected) {
        var preview = imports.upload(forbund(), "trasig.xlsx", file, SWEDISH);
        assertThat(preview.errors()).containsExactly(expected);
        assertThat(preview.canConfirm()).isFalse();
        assertThatThrownBy(() -> confirm(preview, false))
                .isInstanceOf(ConflictException.class).hasMessageContaining("catalogue.import.hasErrors");
    }

    private CatalogueImportPreview confirm(CatalogueImportPreview preview, boolean retireMissing) {
        return imports.confirm(forbund(), preview.importId(), preview.digest(), retireMissing, preview.missingDigest(),
                SWEDISH);
    }

    private static List<Object> row(List<Object> row, int column, Object value) {
        var copy = new ArrayList<Object>(row);
        copy.set(column, value);
        return copy;
    }
}
