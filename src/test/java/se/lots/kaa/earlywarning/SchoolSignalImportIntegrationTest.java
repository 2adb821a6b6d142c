package se.lots.kaa.earlywarning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import se.lots.IntegrationTest;
import se.lots.kaa.ImportPreview.RowError;
import se.lots.kaa.KaaFixture;
import se.lots.kaa.KaaImportService;
import se.lots.registry.PersonalIdentityNumber;
import se.lots.security.Actor;
import se.lots.shared.InvalidInputException;

@IntegrationTest
class SchoolSignalImportIntegrationTest {

    private static final Locale SV = Locale.forLanguageTag("sv");
    private static final String HEADER = "personnummer;förnamn;efternamn;skola;skolans kommun;program;period;"
            + "frånvaro %;risk för avbrott\n";
    private static final String LAST_MONTH = YearMonth.now().minusMonths(1).toString();

    @Autowired
    SchoolSignalImportService imports;
    @Autowired
    KaaImportService kaaImports;
    @Autowired
    KaaFixture fixture;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    se.lots.registry.RegistryService registry;
    @Autowired
    se.lots.security.CurrentActor actors;

    static byte[] csv(String... rows) {
        return (HEADER + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static String row(String pin, String first, String school, String municipality, String period, String absence,
            String risk) {
        return String.join(";", pin, first, "Signalsson", school, municipality, "EL", period, absence, risk);
    }

    private int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    private int signalsOf(Actor actor) {
        return count("SELECT count(*) FROM school_signal WHERE organisation_id = ?", actor.organisationId().value());
    }

    @Test
    void aReportIsPreviewedWithoutSavingThenConfirmedAndTheSameFileAgainChangesNothing() {
        Actor kaa = fixture.newMunicipality();
        String home = fixture.kaaAgeNumber();
        String away = fixture.kaaAgeNumber();
        byte[] file = csv(row(home, "Alma", "Bjuvs gymnasium", "1260", LAST_MONTH, "22,5", "nej"),
                row(away, "Bror", "Söderslättsgymnasiet", "1283", LAST_MONTH, "4", ""));

        var preview = imports.upload(kaa, "franvaro.csv", file, SV);

        assertThat(preview.errors()).isEmpty();
        assertThat(preview.added()).extracting(SignalPreview.Entry::name, SignalPreview.Entry::school)
                .as("a school in another municipality (Helsingborg) is accepted")
                .containsExactly(tuple("Alma Signalsson", "Bjuvs gymnasium"),
                        tuple("Bror Signalsson", "Söderslättsgymnasiet"));
        assertThat(preview.flagged()).extracting(SignalPreview.Entry::name).containsExactly("Alma Signalsson");
        assertThat(preview.newInRegistry()).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM young_person WHERE personal_identity_number IN (?, ?)", home, away))
                .as("nothing saved before confirmation").isZero();
        assertThat(signalsOf(kaa)).isZero();

        imports.confirm(kaa, preview.importId(), preview.digest(), SV);

        assertThat(signalsOf(kaa)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT absence_percent FROM school_signal s JOIN young_person y ON y.id = s.person_id"
                + " WHERE y.personal_identity_number = ?").param(home).query(BigDecimal.class).single())
                .isEqualByComparingTo("22.5");
        assertThat(count("SELECT count(*) FROM kaa_episode e JOIN young_person y ON y.id = e.person_id"
                + " WHERE y.personal_identity_number IN (?, ?)", home, away))
                .as("students in school are not in the KAA target group: no episode").isZero();
        assertThat(count("SELECT count(*) FROM kaa_status WHERE organisation_id = ?",
                kaa.organisationId().value())).isZero();
        assertThat(jdbc.sql("SELECT state || ' ' || rows_new || ' ' || rows_flagged || ' ' || (content IS NULL)"
                + " FROM school_signal_import WHERE id = ?").param(preview.importId()).query(String.class).single())
                .as("the import record stays, the file does not").isEqualTo("CONFIRMED 2 1 true");
        assertThat(count("SELECT count(*) FROM audit_entry WHERE detail = 'Skolsignaler: franvaro.csv'"
                + " AND organisation_id = ? AND purpose = ?", kaa.organisationId().value(),
                EarlyWarningService.PURPOSE))
                .as("the signals written are audited with the early-warning basis").isEqualTo(2);

        var again = imports.upload(kaa, "franvaro.csv", file, SV);
        assertThat(again.changesNothing()).isTrue();
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(again.newInRegistry()).isZero();
        imports.confirm(kaa, again.importId(), again.digest(), SV);
        assertThat(signalsOf(kaa)).isEqualTo(2);
    }

    @Test
    void brokenRowsAreNamedByRowAndColumnInSwedishAndNothingIsSaved() {
        Actor kaa = fixture.newMunicipality();
        String good = fixture.kaaAgeNumber();
        String wrongChecksum = good.substring(0, 11) + ((good.charAt(11) - '0' + 1) % 10);
        String nextMonth = YearMonth.now().plusMonths(1).toString();
        var preview = imports.upload(kaa, "fel.csv", csv(
                row(good, "Ali", "Bjuvs gymnasium", "1260", LAST_MONTH, "20", "nej"),
                row(wrongChecksum, "Ebba", "Bjuvs gymnasium", "1260", LAST_MONTH, "20", "nej"),
                row(fixture.kaaAgeNumber(), "Moa", "Bjuvs gymnasium", "1260", LAST_MONTH, "101", "nej"),
                row(fixture.kaaAgeNumber(), "Leo", "Bjuvs gymnasium", "1260", nextMonth, "30", "nej"),
                row(fixture.kaaAgeNumber(), "Liv", "Okänd skola", "9999", LAST_MONTH, "30", "nej"),
                row(good, "Ali", "Bjuvs gymnasium", "1260", LAST_MONTH, "25", "nej"),
                row(fixture.kaaAgeNumber(), "Tove", "Bjuvs gymnasium", "1260", LAST_MONTH, "mycket", "kanske")), SV);

        assertThat(preview.errors()).extracting(RowError::row, RowError::column, RowError::message).containsExactly(
                tuple(3, "personnummer", "Personnumrets kontrollsiffra stämmer inte."),
                tuple(4, "frånvaro %", "”101” är ingen frånvaro i procent. Skriv ett tal mellan 0 och 100, t.ex. 12,5."),
                tuple(5, "period", "Perioden ligger i framtiden."),
                tuple(6, "skolans kommun", "Kommunkoden 9999 finns inte."),
                tuple(7, "personnummer", "Samma elev, skola och period som på rad 2."),
                tuple(8, "frånvaro %", "”mycket” är ingen frånvaro i procent. Skriv ett tal mellan 0 och 100, t.ex. 12,5."),
                tuple(8, "risk för avbrott", "Skriv ja eller nej."));
        assertThat(preview.canConfirm()).isFalse();

        assertThatThrownBy(() -> imports.confirm(kaa, preview.importId(), preview.digest(), SV))
                .isInstanceOf(InvalidInputException.class);
        assertThat(count("SELECT count(*) FROM young_person WHERE personal_identity_number = ?", good))
                .as("all or nothing: the good row is not saved either").isZero();
        assertThat(signalsOf(kaa)).isZero();
    }

    @Test
    void fifteenPercentIsFlaggedFourteenPointNineIsNotAndTheSchoolsRiskFlagCountsAtAnyAbsence() {
        Actor kaa = fixture.newMunicipality();
        var preview = imports.upload(kaa, "gräns.csv", csv(
                row(fixture.kaaAgeNumber(), "Femton", "Bjuvs gymnasium", "1260", LAST_MONTH, "15", "nej"),
                row(fixture.kaaAgeNumber(), "Fjorton", "Bjuvs gymnasium", "1260", LAST_MONTH, "14,9", "nej"),
                row(fixture.kaaAgeNumber(), "Risk", "Bjuvs gymnasium", "1260", LAST_MONTH, "3.0 %", "ja")), SV);

        assertThat(preview.thresholdPercent()).isEqualByComparingTo("15");
        assertThat(preview.flagged()).extracting(SignalPreview.Entry::name)
                .containsExactly("Femton Signalsson", "Risk Signalsson");
        assertThat(preview.added()).filteredOn(e -> e.name().startsWith("Fjorton")).singleElement()
                .satisfies(e -> assertThat(e.absencePercent()).isEqualByComparingTo("14.9"));
    }

    @Test
    void theSameSchoolAndPeriodAgainCorrectsTheFigureInsteadOfAddingOne() {
        Actor kaa = fixture.newMunicipality();
        String pin = fixture.kaaAgeNumber();
        var first = imports.upload(kaa, "okt.csv", csv(row(pin, "Rut", "Bjuvs gymnasium", "1260", LAST_MONTH, "8",
                "nej")), SV);
        imports.confirm(kaa, first.importId(), first.digest(), SV);

        var corrected = imports.upload(kaa, "okt-rättad.csv", csv(row(pin, "Rut", "Bjuvs gymnasium", "1260",
                LAST_MONTH, "18", "nej")), SV);

        assertThat(corrected.added()).isEmpty();
        assertThat(corrected.changed()).singleElement().satisfies(c -> {
            assertThat(c.identity()).isEqualTo(new PersonalIdentityNumber(pin).formatted());
            assertThat(c.details()).containsExactly("Frånvaro: 8\u00a0% → 18\u00a0%");
            assertThat(c.flagged()).isTrue();
        });
        imports.confirm(kaa, corrected.importId(), corrected.digest(), SV);
        assertThat(jdbc.sql("SELECT absence_percent FROM school_signal WHERE organisation_id = ?")
                .param(kaa.organisationId().value()).query(BigDecimal.class).list()).singleElement()
                .satisfies(a -> assertThat(a).isEqualByComparingTo("18"));
        // a figure in the preview is written as the reader's language writes it
        var english = imports.upload(kaa, "okt-rättad.csv", csv(row(pin, "Rut", "Bjuvs gymnasium", "1260",
                LAST_MONTH, "22,5", "nej")), Locale.ENGLISH);
        assertThat(english.changed()).singleElement()
                .satisfies(c -> assertThat(c.details()).containsExactly("Absence: 18% → 22.5%"));
    }

    @Test
    void fromAndToDatesAndAnExcelFileAreReadAsWell() throws IOException {
        Actor kaa = fixture.newMunicipality();
        String from = YearMonth.now().minusMonths(2).atDay(4).toString();
        String to = YearMonth.now().minusMonths(2).atDay(29).toString();
        var out = new ByteArrayOutputStream();
        try (var wb = new Workbook(out, "Lots", "1.0")) {
            var ws = wb.newWorksheet("Frånvaro");
            String[] header = { "Personnummer", "Förnamn", "Efternamn", "Skola", "Skolans kommun", "Från", "Till",
                "Frånvaro (%)" };
            String[] values = { fixture.kaaAgeNumber(), "Xena", "Excelsson", "Bjuvs gymnasium", "1260", from, to,
                "16,25" };
            for (int c = 0; c < header.length; c++) {
                ws.value(0, c, header[c]);
                ws.value(1, c, values[c]);
            }
        }

        var preview = imports.upload(kaa, "franvaro.xlsx", out.toByteArray(), SV);

        assertThat(preview.encoding()).isEqualTo("xlsx");
        assertThat(preview.errors()).isEmpty();
        assertThat(preview.added()).singleElement().satisfies(e -> {
            assertThat(e.period()).isEqualTo(from + " – " + to);
            assertThat(e.absencePercent()).isEqualByComparingTo("16.25");
            assertThat(e.flagged()).isTrue();
        });
    }

    @Test
    void missingColumnsAreNamedAndANewStudentWithoutANameIsAnError() {
        Actor kaa = fixture.newMunicipality();
        var noPeriod = imports.upload(kaa, "kolumner.csv", ("personnummer;skola;skolans kommun;klass\n"
                + fixture.kaaAgeNumber() + ";Bjuvs gymnasium;1260;9B\n").getBytes(StandardCharsets.UTF_8), SV);
        assertThat(noPeriod.missingColumns()).containsExactly("frånvaro %", "period (eller från och till)");
        assertThat(noPeriod.unknownColumns()).containsExactly("”klass” (kolumn 4) är ingen känd kolumn och läses in"
                + "te in.");
        assertThat(noPeriod.canConfirm()).isFalse();

        var noName = imports.upload(kaa, "namn.csv", ("personnummer;skola;skolans kommun;period;frånvaro\n"
                + fixture.kaaAgeNumber() + ";Bjuvs gymnasium;1260;" + LAST_MONTH + ";30\n")
                .getBytes(StandardCharsets.UTF_8), SV);
        assertThat(noName.errors()).extracting(RowError::row, RowError::column, RowError::message)
                .containsExactly(tuple(2, "förnamn", "Eleven finns inte i registret: förnamn och efternamn behövs."));
    }

    @Test
    void aStudentWithProtectedIdentityIsRegisteredWithoutAddressAndAnAddressColumnIsNeverRead() {
        Actor kaa = fixture.newMunicipality();
        String pin = fixture.kaaAgeNumber();
        byte[] file = ("personnummer;förnamn;efternamn;skola;skolans kommun;period;frånvaro;skyddad_identitet;adress\n"
                + pin + ";Noor;Skyddsson;Bjuvs gymnasium;1260;" + LAST_MONTH + ";40;ja;Hemliga vägen 1\n")
                .getBytes(StandardCharsets.UTF_8);

        var preview = imports.upload(kaa, "skyddad.csv", file, SV);
        assertThat(preview.unknownColumns()).singleElement().asString().contains("”adress”");
        imports.confirm(kaa, preview.importId(), preview.digest(), SV);

        assertThat(jdbc.sql("SELECT protected_identity::text || coalesce(street, '-') || coalesce(city, '-')"
                + " FROM young_person WHERE personal_identity_number = ?").param(pin).query(String.class).single())
                .isEqualTo("true--");
    }

    @Test
    void aSchoolReportingProtectedIdentityForAPersonWithAnAddressRemovesTheAddress() {
        Actor kaa = fixture.newMunicipality();
        String pin = fixture.kaaAgeNumber();
        var list = kaaImports.upload(kaa, "kaa.csv", ("personnummer;förnamn;efternamn;situation;adress;postnummer;"
                + "postort\n" + pin + ";Sara;Flyttsson;studiebevis;Storgatan 9;267 31;Bjuv\n")
                .getBytes(StandardCharsets.UTF_8), SV);
        kaaImports.confirm(kaa, list.importId(), list.digest(), java.util.Map.of(), SV);

        var preview = imports.upload(kaa, "skyddad.csv", ("personnummer;skola;skolans kommun;period;frånvaro;"
                + "skyddad_identitet\n" + pin + ";Bjuvs gymnasium;1260;" + LAST_MONTH + ";20;ja\n")
                .getBytes(StandardCharsets.UTF_8), SV);
        assertThat(preview.added()).singleElement().satisfies(e -> assertThat(e.details())
                .containsExactly("Skyddad folkbokföring: adressen tas bort"));
        imports.confirm(kaa, preview.importId(), preview.digest(), SV);

        assertThat(jdbc.sql("SELECT protected_identity::text || coalesce(street, '-') || coalesce(city, '-')"
                + " FROM young_person WHERE personal_identity_number = ?").param(pin).query(String.class).single())
                .isEqualTo("true--");
    }

    @Test
    void onlyTheCoordinatorOfTheSameMunicipalityImportsAndConfirms() {
        Actor kaa = fixture.newMunicipality();
        Actor other = fixture.newMunicipality();
        var preview = imports.upload(kaa, "a.csv", csv(row(fixture.kaaAgeNumber(), "Ella", "Bjuvs gymnasium",
                "1260", LAST_MONTH, "30", "nej")), SV);

        assertThatThrownBy(() -> imports.confirm(other, preview.importId(), preview.digest(), SV))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> imports.upload(fixture.caseWorkerOf(kaa), "a.csv", csv(), SV))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(signalsOf(kaa)).isZero();
    }

    @Test
    void aSignalSayingProtectedForSomeoneAnotherOrganisationHoldsUnprotectedIsRefusedForThatRow() {
        Actor kaa = fixture.newMunicipality();
        String pin = fixture.kaaAgeNumber();
        registry.register(actors.byUsername("coach"), new se.lots.registry.PersonInput(false, pin, null, null, "Vide",
                "Signalsson", "MAN", "1214", false, new se.lots.registry.Address("Lillgatan 6", "268 31", "Svalöv"),
                null, null, null, false, new se.lots.registry.Guardian(null, null, null), null));

        var preview = imports.upload(kaa, "skydd.csv", (HEADER.replace("\n", ";skyddad_identitet\n")
                + row(pin, "Vide", "Bjuvs gymnasium", "1260", LAST_MONTH, "30", "nej") + ";ja\n")
                .getBytes(StandardCharsets.UTF_8), SV);

        assertThat(preview.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(2);
            assertThat(e.column()).isEqualTo("skyddad_identitet");
            assertThat(e.message()).contains("registrerad av Svalövs kommun utan skydd");
        });
        assertThat(signalsOf(kaa)).isZero();
    }

    @Test
    void aZeroWidthSpaceInANameIsARowErrorNamingRowAndColumnAndNothingIsSaved() {
        Actor kaa = fixture.newMunicipality();
        String pin = fixture.kaaAgeNumber();

        var preview = imports.upload(kaa, "franvaro.csv",
                csv(row(pin, "Al\u200Bma", "Bjuvs gymnasium", "1260", LAST_MONTH, "22,5", "nej")), SV);

        assertThat(preview.errors()).extracting(RowError::row, RowError::column).containsExactly(tuple(2, "förnamn"));
        assertThat(preview.errors().get(0).message()).startsWith("Fältet förnamn innehåller ett otillåtet tecken (U+200B)");
        assertThat(preview.canConfirm()).isFalse();
        assertThat(signalsOf(kaa)).isZero();
    }
}
