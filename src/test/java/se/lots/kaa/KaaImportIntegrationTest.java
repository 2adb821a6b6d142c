package se.lots.kaa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import se.lots.IntegrationTest;
import se.lots.kaa.ImportPreview.RowError;
import se.lots.kaa.register.ImportProgress;
import se.lots.registry.PersonalIdentityNumber;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.InvalidInputException;
import se.lots.shared.TabularFile;

@IntegrationTest
class KaaImportIntegrationTest {

    private static final Locale SV = Locale.forLanguageTag("sv");
    private static final String HEADER = "personnummer;förnamn;efternamn;situation;adress;postnummer;postort;skola;"
            + "skolkommun;program;avgångsdatum\n";

    @Autowired
    KaaImportService imports;
    @Autowired
    KaaFixture fixture;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ImportProgress progress;
    @Autowired
    se.lots.security.CurrentActor actors;
    @Autowired
    se.lots.registry.RegistryService registry;

    private static byte[] csv(String... rows) {
        return (HEADER + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String row(String pin, String first, String last, String situation) {
        return pin + ";" + first + ";" + last + ";" + situation + ";Storgatan 1;267 31;Bjuv;Söderslättsgymnasiet;1283;"
                + "EL;2026-06-10";
    }

    private int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    @Test
    void aListIsPreviewedWithoutSavingThenConfirmedAndTheSameFileAgainChangesNothing() {
        Actor kaa = fixture.newMunicipality();
        String a = fixture.kaaAgeNumber();
        String b = fixture.kaaAgeNumber();
        byte[] file = csv(row(a, "Alva", "Importsson", "avbrutit nationellt program"),
                row(b, "Hugo", "Importsson", "studiebevis"));

        var preview = imports.upload(kaa, "lista.csv", file, SV);

        assertThat(preview.errors()).isEmpty();
        assertThat(preview.added()).extracting(ImportPreview.Entry::name).containsExactly("Alva Importsson",
                "Hugo Importsson");
        assertThat(preview.added().get(1).details()).contains("Slutat med studiebevis", "Ny i registret");
        assertThat(count("SELECT count(*) FROM young_person WHERE personal_identity_number IN (?, ?)", a, b))
                .as("nothing saved before confirmation").isZero();

        imports.confirm(kaa, preview.importId(), preview.digest(), Map.of(), SV);

        assertThat(count("""
                SELECT count(*) FROM kaa_episode e JOIN young_person y ON y.id = e.person_id
                 WHERE e.organisation_id = ? AND e.exited_on IS NULL AND y.personal_identity_number IN (?, ?)""",
                kaa.organisationId().value(), a, b)).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM kaa_status WHERE organisation_id = ? AND status = 'OKAND'",
                kaa.organisationId().value())).isEqualTo(2);
        assertThat(jdbc.sql("SELECT state FROM kaa_import WHERE id = ?").param(preview.importId())
                .query(String.class).single()).isEqualTo("CONFIRMED");
        assertThat(jdbc.sql("SELECT content FROM kaa_import WHERE id = ?").param(preview.importId())
                .query(byte[].class).optional()).as("the file is not kept after confirmation").isEmpty();
        int auditRows = count("SELECT count(*) FROM audit_entry WHERE detail = 'KAA-import: lista.csv'"
                + " AND organisation_id = ?", kaa.organisationId().value());
        assertThat(auditRows).as("persons created and episodes written are audited").isEqualTo(4);

        var again = imports.upload(kaa, "lista.csv", file, SV);
        assertThat(again.changesNothing()).isTrue();
        assertThat(again.unchanged()).isEqualTo(2);
        imports.confirm(kaa, again.importId(), again.digest(), Map.of(), SV);
        assertThat(count("SELECT count(*) FROM kaa_episode WHERE organisation_id = ?", kaa.organisationId().value()))
                .isEqualTo(2);
        assertThat(count("SELECT count(*) FROM kaa_status WHERE organisation_id = ?", kaa.organisationId().value()))
                .isEqualTo(2);
    }

    @Test
    void theDiffShowsChangedDetailsClosingsAndThoseOutsideTheGroup() {
        Actor kaa = fixture.newMunicipality();
        String stays = fixture.kaaAgeNumber();
        String moves = fixture.kaaAgeNumber();
        String leaves = fixture.kaaAgeNumber();
        String started = fixture.kaaAgeNumber();
        var first = imports.upload(kaa, "vt.csv", csv(row(stays, "Saga", "Diffsson", "aldrig påbörjat"),
                row(moves, "Omar", "Diffsson", "avbrutit nationellt program"),
                row(leaves, "Elsa", "Diffsson", "studiebevis")), SV);
        imports.confirm(kaa, first.importId(), first.digest(), Map.of(), SV);

        var second = imports.upload(kaa, "ht.csv", csv(row(stays, "Saga", "Diffsson", "aldrig påbörjat"),
                row(moves, "Omar", "Diffsson", "avbrutit nationellt program").replace("Storgatan 1", "Nygatan 7"),
                row(started, "Nils", "Diffsson", "går introduktionsprogram")), SV);

        assertThat(second.unchanged()).isEqualTo(1);
        assertThat(second.changed()).singleElement().satisfies(c -> {
            assertThat(c.identity()).isEqualTo(new PersonalIdentityNumber(moves).formatted());
            assertThat(c.details()).containsExactly("Gatuadress: Storgatan 1 → Nygatan 7");
        });
        assertThat(second.closing()).singleElement().satisfies(c -> {
            assertThat(c.identity()).isEqualTo(new PersonalIdentityNumber(leaves).formatted());
            assertThat(c.suggested()).as("no reason in the list: the user picks").isNull();
        });
        assertThat(second.outside()).singleElement().satisfies(o -> assertThat(o.details())
                .containsExactly("Går ett introduktionsprogram (ingår inte i målgruppen sedan 1 juli 2018)"));

        var closingId = second.closing().get(0).episodeId();
        var decisions = new java.util.HashMap<java.util.UUID, ExitReason>();
        decisions.put(closingId, ExitReason.FLYTTAT);
        imports.confirm(kaa, second.importId(), second.digest(), decisions, SV);

        assertThat(jdbc.sql("SELECT exit_reason FROM kaa_episode WHERE id = ?").param(closingId)
                .query(String.class).single()).isEqualTo("FLYTTAT");
        assertThat(jdbc.sql("SELECT street FROM young_person WHERE personal_identity_number = ?").param(moves)
                .query(String.class).single()).isEqualTo("Nygatan 7");
    }

    @Test
    void brokenRowsAreNamedByRowAndColumnInSwedishAndNothingIsSaved() {
        Actor kaa = fixture.newMunicipality();
        String good = fixture.kaaAgeNumber();
        String wrongChecksum = good.substring(0, 11) + ((good.charAt(11) - '0' + 1) % 10);
        var preview = imports.upload(kaa, "fel.csv", csv(
                row(good, "Ali", "Felsson", "avbrutit nationellt program"),
                row(wrongChecksum, "Ebba", "Felsson", "avbrutit nationellt program"),
                row(fixture.kaaAgeNumber(), "", "Felsson", "avbrutit nationellt program"),
                row(good, "Ali", "Felsson", "avbrutit nationellt program"),
                row(fixture.kaaAgeNumber(), "Moa", "Felsson", "slutat i förtid"),
                row(fixture.kaaAgeNumber(), "Leo", "Felsson", "studiebevis").replace("2026-06-10", "2099-01-01"),
                row(fixture.kaaAgeNumber(), "Liv", "Felsson", "studiebevis").replace(";1283;", ";9999;")), SV);

        assertThat(preview.errors()).extracting(RowError::row, RowError::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "personnummer"), org.assertj.core.groups.Tuple.tuple(4, "förnamn"),
                org.assertj.core.groups.Tuple.tuple(5, "personnummer"), org.assertj.core.groups.Tuple.tuple(6, "situation"),
                org.assertj.core.groups.Tuple.tuple(7, "avgångsdatum"), org.assertj.core.groups.Tuple.tuple(8, "skolkommun"));
        assertThat(preview.errors()).extracting(RowError::message).containsExactly(
                "Personnumrets kontrollsiffra stämmer inte.",
                "Fältet måste fyllas i.",
                "Samma personnummer som på rad 2.",
                "”slutat i förtid” är ingen känd situation. Skriv t.ex. avbrutit nationellt program, studiebevis eller aldrig påbörjat.",
                "Datumet ligger i framtiden.",
                "Kommunkoden 9999 finns inte.");
        assertThat(preview.canConfirm()).isFalse();

        assertThatThrownBy(() -> imports.confirm(kaa, preview.importId(), preview.digest(), Map.of(), SV))
                .isInstanceOf(InvalidInputException.class);
        assertThat(count("SELECT count(*) FROM young_person WHERE personal_identity_number = ?", good)).isZero();
        assertThat(count("SELECT count(*) FROM kaa_episode WHERE organisation_id = ?",
                kaa.organisationId().value())).isZero();
    }

    @Test
    void aMissingRequiredColumnAndUnknownColumnsAreReported() {
        Actor kaa = fixture.newMunicipality();
        byte[] file = ("personnummer;förnamn;efternamn;klass;mentor\n" + fixture.kaaAgeNumber() + ";A;B;9B;Eva\n")
                .getBytes(StandardCharsets.UTF_8);

        var preview = imports.upload(kaa, "kolumner.csv", file, SV);

        assertThat(preview.missingColumns()).containsExactly("situation");
        assertThat(preview.unknownColumns()).containsExactly(
                "”klass” (kolumn 4) är ingen känd kolumn och läses inte in.",
                "”mentor” (kolumn 5) är ingen känd kolumn och läses inte in.");
        assertThat(preview.canConfirm()).isFalse();
    }

    @Test
    void windows1252WithCommasAndUtf8WithBomAreBothRead() {
        Actor kaa = fixture.newMunicipality();
        String text = "personnummer,förnamn,efternamn,situation\n" + fixture.kaaAgeNumber()
                + ",Åsa,Öberg,aldrig påbörjat\n";
        var latin = imports.upload(kaa, "excel.csv", text.getBytes(TabularFile.WINDOWS_1252), SV);
        assertThat(latin.encoding()).isEqualTo("Windows-1252");
        assertThat(latin.added()).extracting(ImportPreview.Entry::name).containsExactly("Åsa Öberg");

        byte[] bom = { (byte) 0xef, (byte) 0xbb, (byte) 0xbf };
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + utf8.length];
        System.arraycopy(bom, 0, withBom, 0, 3);
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);
        var bomPreview = imports.upload(kaa, "bom.csv", withBom, SV);
        assertThat(bomPreview.encoding()).isEqualTo("UTF-8 (BOM)");
        assertThat(bomPreview.added()).extracting(ImportPreview.Entry::name).containsExactly("Åsa Öberg");
    }

    @Test
    void aProtectedPersonsAddressFromTheListIsNeverStored() {
        Actor kaa = fixture.newMunicipality();
        String pin = fixture.kaaAgeNumber();
        byte[] file = ("personnummer;förnamn;efternamn;situation;adress;postnummer;postort;skyddad_identitet\n" + pin
                + ";Noor;Skyddsson;studiebevis;Hemliga vägen 1;267 31;Bjuv;ja\n").getBytes(StandardCharsets.UTF_8);

        var preview = imports.upload(kaa, "skyddad.csv", file, SV);
        assertThat(preview.added().get(0).details()).noneMatch(d -> d.contains("Hemliga"));
        imports.confirm(kaa, preview.importId(), preview.digest(), Map.of(), SV);

        assertThat(jdbc.sql("SELECT protected_identity, street, postal_code, city FROM young_person"
                + " WHERE personal_identity_number = ?").param(pin)
                .query((rs, n) -> List.of(rs.getBoolean(1), String.valueOf(rs.getString(2)),
                        String.valueOf(rs.getString(3)), String.valueOf(rs.getString(4)))).single())
                .containsExactly(true, "null", "null", "null");
    }

    @Test
    void aConfirmationAfterTheRegisterChangedIsRefusedAndSavesNothing() {
        Actor kaa = fixture.newMunicipality();
        String pin = fixture.kaaAgeNumber();
        var first = imports.upload(kaa, "a.csv", csv(row(pin, "Wilma", "Samtidigsson", "studiebevis")), SV);
        var second = imports.upload(kaa, "b.csv", csv(row(pin, "Wilma", "Samtidigsson", "studiebevis")), SV);
        imports.confirm(kaa, first.importId(), first.digest(), Map.of(), SV);

        assertThatThrownBy(() -> imports.confirm(kaa, second.importId(), second.digest(), Map.of(), SV))
                .isInstanceOf(ConflictException.class);
        assertThat(count("SELECT count(*) FROM kaa_episode WHERE organisation_id = ?", kaa.organisationId().value()))
                .isEqualTo(1);
    }

    @Test
    void onlyTheCoordinatorOfTheSameMunicipalityImportsAndConfirms() {
        Actor kaa = fixture.newMunicipality();
        Actor other = fixture.newMunicipality();
        var preview = imports.upload(kaa, "a.csv", csv(row(fixture.kaaAgeNumber(), "Ella", "Behörigsson",
                "studiebevis")), SV);

        assertThatThrownBy(() -> imports.confirm(other, preview.importId(), preview.digest(), Map.of(), SV))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> imports.upload(fixture.caseWorkerOf(kaa), "a.csv", csv(), SV))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aYoungPersonWithoutPersonnummerIsMatchedByTheirReserveIdentityAndAnUnknownOneIsARowError() {
        Actor kaa = fixture.newMunicipality();
        var born = java.time.LocalDate.now().minusYears(17);
        var newlyArrived = registry.register(kaa, new se.lots.registry.PersonInput(false, null, born.toString(), null,
                "Amal", "Reservsson", "KVINNA", "1260", false, new se.lots.registry.Address(null, null, null), null,
                null, "arabiska", true, new se.lots.registry.Guardian(null, null, null), null));
        String reserve = newlyArrived.reserveIdentity();
        String lowerWithoutZeros = reserve.toLowerCase(Locale.ROOT).replaceFirst("res-0+", "res-");

        var preview = imports.upload(kaa, "nyanlanda.csv", csv(row(lowerWithoutZeros, "Amal", "Reservsson",
                "aldrig påbörjat"), row("RES-9999999", "Okänd", "Reservsson", "aldrig påbörjat")), SV);

        assertThat(preview.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(3);
            assertThat(e.column()).isEqualTo("personnummer");
            assertThat(e.message()).contains("RES-9999999", "finns inte i registret");
        });

        var fixed = csv(row(reserve, "Amal", "Reservsson", "aldrig påbörjat"));
        var good = imports.upload(kaa, "nyanlanda.csv", fixed, SV);
        assertThat(good.errors()).isEmpty();
        assertThat(good.added()).singleElement().satisfies(a -> {
            assertThat(a.identity()).isEqualTo(reserve);
            assertThat(a.personId()).isEqualTo(newlyArrived.id());
        });
        imports.confirm(kaa, good.importId(), good.digest(), Map.of(), SV);
        assertThat(count("SELECT count(*) FROM kaa_episode WHERE person_id = ? AND exited_on IS NULL",
                newlyArrived.id())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT street FROM young_person WHERE id = ?").param(newlyArrived.id())
                .query(String.class).single()).as("the list's address, as for anyone the municipality holds")
                .isEqualTo("Storgatan 1");

        var again = imports.upload(kaa, "nyanlanda.csv", fixed, SV);
        assertThat(again.changesNothing()).isTrue();
        var without = imports.upload(kaa, "tom.csv", csv(), SV);
        assertThat(without.closing()).as("a reserve identity not in the next list is a candidate to close")
                .singleElement().satisfies(c -> assertThat(c.identity()).isEqualTo(reserve));
    }

    @Test
    void aLongImportTellsHowFarItHasComeToTheUserWhoStartedItOnly() {
        Actor kaa = fixture.newMunicipality();
        var rows = new java.util.ArrayList<String>();
        for (int i = 0; i < 2500; i++) {
            // rows with a wrong personnummer are checked too, and they are what makes a list long here
            rows.add(row("19" + String.format("%010d", i), "Rad", "Radsson", "studiebevis"));
        }
        rows.add(row(fixture.kaaAgeNumber(), "Stina", "Stegsson", "studiebevis"));
        var phases = new java.util.ArrayList<String>();
        var token = java.util.UUID.randomUUID();
        var tracked = progress.track(token, kaa.username());
        ImportProgress.Tracker both = (phase, done, total) -> {
            phases.add(phase + " " + done + "/" + total);
            tracked.report(phase, done, total);
        };

        var preview = imports.upload(kaa, "lang.csv", csv(rows.toArray(String[]::new)), SV, both);

        assertThat(preview.errors()).isNotEmpty();
        assertThat(phases).startsWith("kaa.import.progress.checking 0/2501", "kaa.import.progress.checking 1999/2501")
                .endsWith("kaa.import.progress.done 2501/2501");
        assertThat(progress.current(token, kaa.username())).hasValueSatisfying(step -> {
            assertThat(step.phase()).isEqualTo("kaa.import.progress.done");
            assertThat(step.percent()).isEqualTo(100);
        });
        assertThat(progress.current(token, fixture.caseWorkerOf(kaa).username())).as("another user").isEmpty();
        assertThat(progress.current(java.util.UUID.randomUUID(), kaa.username())).isEmpty();

        var good = imports.upload(kaa, "kort.csv", csv(row(fixture.kaaAgeNumber(), "Stig", "Stegsson",
                "studiebevis")), SV);
        phases.clear();
        imports.confirm(kaa, good.importId(), good.digest(), Map.of(), SV, both);
        assertThat(phases).contains("kaa.import.progress.saving 0/1").endsWith("kaa.import.progress.done 1/1");
    }

    @Test
    void aListThatSaysProtectedForSomeoneAnotherOrganisationHoldsUnprotectedIsRefusedForThatRow() {
        Actor kaa = fixture.newMunicipality();
        String pin = fixture.kaaAgeNumber();
        registry.register(actors.byUsername("coach"), new se.lots.registry.PersonInput(false, pin, null, null, "Vera",
                "Skyddsson", "KVINNA", "1214", false, new se.lots.registry.Address("Lillgatan 4", "268 31", "Svalöv"),
                null, null, null, false, new se.lots.registry.Guardian(null, null, null), null));

        var preview = imports.upload(kaa, "skydd.csv", ("personnummer;förnamn;efternamn;situation;skyddad_identitet\n"
                + pin + ";Vera;Skyddsson;studiebevis;ja\n").getBytes(StandardCharsets.UTF_8), SV);

        assertThat(preview.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(2);
            assertThat(e.column()).isEqualTo("skyddad_identitet");
            assertThat(e.message()).contains("registrerad av Svalövs kommun utan skydd");
        });
        assertThat(preview.canConfirm()).isFalse();
    }

    @Test
    void showingAKeptPreviewAgainAuditsThePersonsItShows() {
        Actor kaa = fixture.newMunicipality();
        String pin = fixture.kaaAgeNumber();
        var first = imports.upload(kaa, "forsta.csv", csv(row(pin, "Ola", "Visasson", "studiebevis")), SV);
        imports.confirm(kaa, first.importId(), first.digest(), Map.of(), SV);
        var second = imports.upload(kaa, "andra.csv", csv(row(pin, "Ola", "Visasson", "studiebevis")), SV);
        int before = count("SELECT count(*) FROM audit_entry WHERE organisation_id = ? AND action = 'READ'"
                + " AND detail = 'KAA-import, förhandsgranskning: andra.csv'", kaa.organisationId().value());

        imports.preview(kaa, second.importId(), SV);

        assertThat(count("SELECT count(*) FROM audit_entry WHERE organisation_id = ? AND action = 'READ'"
                + " AND detail = 'KAA-import, förhandsgranskning: andra.csv'", kaa.organisationId().value()))
                .isEqualTo(before + 1);
    }

    @Test
    void aRightToLeftOverrideInANameIsARowErrorNamingRowAndColumnInACsvAndAnXlsxAndNothingIsImported() {
        Actor kaa = fixture.newMunicipality();
        String pin = fixture.kaaAgeNumber();
        var csv = imports.upload(kaa, "rlo.csv", csv(row(pin, "Ali", "\u202EnossffE", "studiebevis")), SV);
        var xlsx = imports.upload(kaa, "rlo.xlsx", se.lots.shared.Spreadsheets.xlsx(
                List.of(HEADER.strip().split(";")),
                List.of(List.<Object>of(pin, "Al\u200Bi", "Effsson", "studiebevis", "Storgatan 1", "267 31", "Bjuv",
                        "Söderslättsgymnasiet", "1283", "EL", "2026-06-10"))), SV);

        assertThat(csv.errors()).extracting(RowError::row, RowError::column, RowError::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "efternamn", "Fältet efternamn innehåller ett otillåtet tecken"
                        + " (U+202E): styrtecken och osynliga formateringstecken (t.ex. nolltecken, riktningsomkastning,"
                        + " nollbredda mellanslag) kan inte sparas. Ta bort tecknet och försök igen."));
        assertThat(xlsx.errors()).extracting(RowError::row, RowError::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "förnamn"));
        assertThat(xlsx.errors().get(0).message()).contains("(U+200B)");
        assertThat(csv.canConfirm()).isFalse();
        assertThat(xlsx.canConfirm()).isFalse();
        assertThatThrownBy(() -> imports.confirm(kaa, csv.importId(), csv.digest(), Map.of(), SV))
                .isInstanceOf(InvalidInputException.class);
        assertThat(count("SELECT count(*) FROM young_person WHERE personal_identity_number = ?", pin)).isZero();
    }

    @Test
    void aDecomposedLetterInANameIsImportedComposed() {
        Actor kaa = fixture.newMunicipality();
        String pin = fixture.kaaAgeNumber();
        var preview = imports.upload(kaa, "nfd.csv", csv(row(pin, "A\u030Asa", "O\u0308berg", "studiebevis")), SV);
        assertThat(preview.errors()).isEmpty();

        imports.confirm(kaa, preview.importId(), preview.digest(), Map.of(), SV);

        assertThat(jdbc.sql("SELECT first_name || ' ' || last_name FROM young_person WHERE personal_identity_number = ?")
                .param(pin).query(String.class).single()).isEqualTo("\u00C5sa \u00D6berg");
    }
}
