package se.lots.kaa.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import se.lots.IntegrationTest;
import se.lots.kaa.KaaFixture;
import se.lots.kaa.KaaImportService;
import se.lots.kaa.letter.LetterService.SenderInput;
import se.lots.kaa.letter.LetterService.TemplateInput;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.InvalidInputException;
import se.lots.shared.NotFoundException;

@IntegrationTest
class LetterIntegrationTest {

    private static final Locale SV = Locale.forLanguageTag("sv");
    private static final String ALL_FIELDS = """
            Hej {förnamn} {efternamn}!

            Vi skickar till {adress}, {postnummer} {postort}.
            Ring {handläggare} på {telefon}. Skrivet {datum}.

            Hälsningar
            {kommun}""";

    @Autowired
    KaaImportService imports;
    @Autowired
    LetterService letters;
    @Autowired
    KaaFixture fixture;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MessageSource messages;

    /** A person on the school's list: address fields may be empty, {@code protectedIdentity} is the list's word. */
    private record Row(String firstName, String street, String postalCode, String city, boolean protectedIdentity) {

        static Row at(String firstName, String street) {
            return new Row(firstName, street, "267 31", "Bjuv", false);
        }
    }

    /** Imports the rows and returns each first name's episode id, in the order given. */
    private Map<String, UUID> register(Actor coordinator, Row... rows) {
        var csv = new StringBuilder("personnummer;förnamn;efternamn;situation;adress;postnummer;postort;skyddad_identitet\n");
        var pins = new LinkedHashMap<String, String>();
        for (Row r : rows) {
            String pin = fixture.kaaAgeNumber();
            pins.put(r.firstName(), pin);
            csv.append(String.join(";", pin, r.firstName(), "Brevsson", "studiebevis", r.street(), r.postalCode(),
                    r.city(), r.protectedIdentity() ? "ja" : "nej")).append('\n');
        }
        var preview = imports.upload(coordinator, "lista.csv", csv.toString().getBytes(StandardCharsets.UTF_8), SV);
        imports.confirm(coordinator, preview.importId(), preview.digest(), Map.of(), SV);
        var episodes = new LinkedHashMap<String, UUID>();
        pins.forEach((name, pin) -> episodes.put(name, jdbc.sql("""
                SELECT e.id FROM kaa_episode e JOIN young_person y ON y.id = e.person_id
                 WHERE e.organisation_id = ? AND y.personal_identity_number = ? AND e.exited_on IS NULL""")
                .params(coordinator.organisationId().value(), pin).query(UUID.class).single()));
        return episodes;
    }

    private UUID personOf(UUID episode) {
        return jdbc.sql("SELECT person_id FROM kaa_episode WHERE id = ?").param(episode).query(UUID.class).single();
    }

    private List<String> letterAttempts(Actor coordinator, UUID episode) {
        return jdbc.sql("""
                SELECT channel || ' ' || outcome || ' ' || coalesce(note, '') FROM contact_attempt
                 WHERE organisation_id = ? AND person_id = ?""")
                .params(coordinator.organisationId().value(), personOf(episode)).query(String.class).list();
    }

    private long audited(Actor coordinator, UUID episode, String action) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE organisation_id = ? AND person_id = ? AND action = ?"
                + " AND purpose = 'LAGSTOD:KAA' AND detail LIKE 'KAA-brev%'")
                .params(coordinator.organisationId().value(), personOf(episode), action).query(Long.class).single();
    }

    private static String text(byte[] pdf) throws IOException {
        try (var doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static int pages(byte[] pdf) throws IOException {
        try (var doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        }
    }

    private UUID template(Actor coordinator, String name, String body) {
        letters.saveSender(coordinator, new SenderInput("Arbetsmarknadsenheten\nBox 7\n267 80 Bjuv", "042-45 85 00"));
        return letters.createTemplate(coordinator, new TemplateInput(name, "Hej {förnamn}", body, null));
    }

    @Test
    void everyMunicipalityStartsWithTheHomeVisitLetterAndTwoMore() {
        Actor coordinator = fixture.newMunicipality();

        var starters = letters.templates(coordinator);

        assertThat(starters).hasSize(3).allMatch(LetterTemplate::active);
        assertThat(starters).extracting(LetterTemplate::body)
                .anyMatch(b -> b.contains("Vi har varit hemma hos dig och vill gärna komma i kontakt med dig"));
        assertThat(letters.templates(coordinator)).as("seeded once, not on every visit").hasSize(3);
        starters.forEach(t -> letters.retireTemplate(coordinator, t.id()));
        assertThat(letters.activeTemplates(coordinator)).as("retiring all does not bring the starters back").isEmpty();
    }

    @Test
    void theMergeFieldsAreFilledInOneLetterPerPageAndEachLetterIsAContactAttempt() throws IOException {
        Actor coordinator = fixture.newMunicipality();
        var e = register(coordinator, Row.at("Alva", "Storgatan 1"), Row.at("Hugo", "Kvarngatan 12"));
        UUID template = template(coordinator, "Alla fält", ALL_FIELDS);
        var chosen = List.of(e.get("Hugo"), e.get("Alva"));

        var preview = letters.preview(coordinator, template, chosen);

        assertThat(preview.recipients()).containsExactly("Alva Brevsson", "Hugo Brevsson");
        assertThat(preview.skipped()).isEmpty();
        assertThat(preview.first().addressLines()).containsExactly("Alva Brevsson", "Storgatan 1", "267 31 BJUV");
        assertThat(preview.first().paragraphs().get(0)).containsExactly("Hej Alva Brevsson!");
        assertThat(preview.first().paragraphs().get(1)).containsExactly("Vi skickar till Storgatan 1, 267 31 Bjuv.",
                "Ring " + coordinator.displayName() + " på 042-45 85 00. Skrivet "
                        + java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("sv-SE"))
                                .format(java.time.LocalDate.now()) + ".");
        assertThat(letterAttempts(coordinator, e.get("Alva"))).as("a preview sends nothing").isEmpty();
        assertThat(audited(coordinator, e.get("Alva"), "READ")).isEqualTo(1);

        var batch = letters.produce(coordinator, preview.batchId(), template, chosen);

        assertThat(batch.letters()).isEqualTo(2);
        assertThat(pages(batch.pdf())).isEqualTo(2);
        String pdf = text(batch.pdf());
        assertThat(pdf).contains("Hej Alva Brevsson!", "Hej Hugo Brevsson!", "Storgatan 1", "Kvarngatan 12",
                "Box 7", "Testkommun", "042-45 85 00").doesNotContain("{");
        assertThat(pdf.indexOf("Alva")).isLessThan(pdf.indexOf("Hugo"));
        assertThat(letterAttempts(coordinator, e.get("Alva"))).containsExactly("BREV LAMNAT_MEDDELANDE Brev: Alla fält");
        assertThat(letterAttempts(coordinator, e.get("Hugo"))).containsExactly("BREV LAMNAT_MEDDELANDE Brev: Alla fält");
        assertThat(audited(coordinator, e.get("Hugo"), "EXPORT")).isEqualTo(1);
    }

    @Test
    void pressingCreateTwiceOnOnePreviewLogsTheLettersOnlyOnce() {
        Actor coordinator = fixture.newMunicipality();
        var e = register(coordinator, Row.at("Ines", "Storgatan 3"));
        UUID template = template(coordinator, "En gång", "Hej {förnamn}, ring {telefon}.");
        var preview = letters.preview(coordinator, template, List.copyOf(e.values()));
        letters.produce(coordinator, preview.batchId(), template, List.copyOf(e.values()));

        assertThatThrownBy(() -> letters.produce(coordinator, preview.batchId(), template, List.copyOf(e.values())))
                .isInstanceOfSatisfying(ConflictException.class,
                        x -> assertThat(x.messageKey()).isEqualTo("kaa.letter.alreadySent"));
        assertThat(letterAttempts(coordinator, e.get("Ines"))).hasSize(1);
    }

    @Test
    void aPersonWithProtectedIdentityOrWithoutAddressGetsNoLetterAndIsListedWithTheReason() throws IOException {
        Actor coordinator = fixture.newMunicipality();
        var e = register(coordinator, Row.at("Siri", "Storgatan 5"),
                new Row("Tove", "Hemliga vägen 3", "267 32", "Billesholm", true),
                new Row("Ture", "", "", "", false),
                new Row("Unni", "Ängsvägen 9", "", "", false));
        UUID template = template(coordinator, "Skyddad", ALL_FIELDS);
        var chosen = List.copyOf(e.values());

        var preview = letters.preview(coordinator, template, chosen);

        assertThat(preview.recipients()).containsExactly("Siri Brevsson");
        assertThat(preview.skipped()).extracting(s -> s.name() + ": " + s.reason()).containsExactly(
                "Tove Brevsson: PROTECTED_IDENTITY", "Ture Brevsson: NO_ADDRESS", "Unni Brevsson: NO_ADDRESS");
        assertThat(messages.getMessage("kaa.letter.skip.PROTECTED_IDENTITY", null, SV))
                .startsWith("Skyddad folkbokföring – skicka brevet via Skatteverket");

        var batch = letters.produce(coordinator, preview.batchId(), template, chosen);

        assertThat(batch.letters()).isEqualTo(1);
        assertThat(batch.skipped()).isEqualTo(3);
        assertThat(pages(batch.pdf())).isEqualTo(1);
        assertThat(text(batch.pdf())).contains("Siri Brevsson", "Storgatan 5")
                .doesNotContain("Tove", "Hemliga vägen", "Billesholm", "267 32", "Ture", "Unni", "Ängsvägen");
        assertThat(letterAttempts(coordinator, e.get("Tove"))).isEmpty();
        assertThat(letterAttempts(coordinator, e.get("Ture"))).isEmpty();
        assertThat(letterAttempts(coordinator, e.get("Unni"))).isEmpty();
        assertThat(letterAttempts(coordinator, e.get("Siri"))).hasSize(1);
        assertThat(audited(coordinator, e.get("Tove"), "EXPORT")).isZero();
    }

    @Test
    void whenNobodyCanGetALetterNoPdfIsMadeAndNothingIsLogged() {
        Actor coordinator = fixture.newMunicipality();
        var e = register(coordinator, new Row("Vera", "Hemliga vägen 4", "267 32", "Billesholm", true));
        UUID template = template(coordinator, "Ingen", "Hej {förnamn}");

        assertThatThrownBy(() -> letters.produce(coordinator, UUID.randomUUID(), template, List.copyOf(e.values())))
                .isInstanceOfSatisfying(InvalidInputException.class, x -> assertThat(x.texts(messages, SV))
                        .containsEntry("episode", "Ingen av de markerade kan få brev."));
        assertThat(letterAttempts(coordinator, e.get("Vera"))).isEmpty();
    }

    @Test
    void anUnknownMergeFieldIsRefusedInSwedishNamingTheFieldAndNothingIsSaved() {
        Actor coordinator = fixture.newMunicipality();
        int before = letters.templates(coordinator).size();

        assertThatThrownBy(() -> letters.createTemplate(coordinator,
                new TemplateInput("Fel fält", "Hej {förnamn}", "Ditt personnummer är {personnummer}.", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, x -> assertThat(x.texts(messages, SV))
                        .containsOnlyKeys("body").extractingByKey("body").asString()
                        .startsWith("Kopplingsfältet {personnummer} finns inte. Använd något av: {förnamn}, {efternamn}"));
        assertThat(letters.templates(coordinator)).hasSize(before);
    }

    @Test
    void aTemplateNeedsANameAHeadingAndATextAndTwoActiveTemplatesCannotShareAName() {
        Actor coordinator = fixture.newMunicipality();
        assertThatThrownBy(() -> letters.createTemplate(coordinator, new TemplateInput(" ", "", "", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, x -> assertThat(x.texts(messages, SV))
                        .containsOnlyKeys("name", "heading", "body").containsEntry("name", "Fältet måste fyllas i."));
        String starter = letters.templates(coordinator).get(0).name();

        assertThatThrownBy(() -> letters.createTemplate(coordinator,
                new TemplateInput(starter.toUpperCase(), "Hej", "Hej {förnamn}", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, x -> assertThat(x.texts(messages, SV))
                        .containsEntry("name", "Det finns redan en brevmall som heter ”" + starter.toUpperCase() + "”."));
    }

    @Test
    void anEditRecordsWhoChangedItAndAStaleEditIsRefused() {
        Actor coordinator = fixture.newMunicipality();
        var t = letters.templates(coordinator).get(0);
        letters.updateTemplate(coordinator, t.id(), new TemplateInput(t.name(), "Hej {förnamn}!", t.body(), t.version()));

        var changed = letters.template(coordinator, t.id());
        assertThat(changed.heading()).isEqualTo("Hej {förnamn}!");
        assertThat(changed.updatedBy()).isEqualTo(coordinator.displayName());
        assertThatThrownBy(() -> letters.updateTemplate(coordinator, t.id(),
                new TemplateInput(t.name(), "Gammal", t.body(), t.version())))
                .isInstanceOf(ConflictException.class);
        assertThat(letters.template(coordinator, t.id()).heading()).isEqualTo("Hej {förnamn}!");
    }

    @Test
    void everySavedTextIsKeptWithTheLettersSentWithItSoAnEditLosesNothing() {
        Actor coordinator = fixture.newMunicipality();
        var starter = letters.templates(coordinator).get(0);
        var e = register(coordinator, Row.at("Vera", "Storgatan 12"));
        UUID template = template(coordinator, "Versioner", "Första texten, ring {telefon}.");
        var preview = letters.preview(coordinator, template, List.copyOf(e.values()));
        letters.produce(coordinator, preview.batchId(), template, List.copyOf(e.values()));

        letters.updateTemplate(coordinator, template, new TemplateInput("Versioner", "Hej {förnamn}",
                "Andra texten, ring {telefon}.", 0));
        letters.retireTemplate(coordinator, template);

        assertThat(letters.recentBatches(coordinator)).singleElement().satisfies(b -> {
            assertThat(b.templateName()).isEqualTo("Versioner");
            assertThat(b.templateVersion()).isZero();
            assertThat(b.letters()).isEqualTo(1);
            assertThat(b.sentBy()).isEqualTo(coordinator.displayName());
        });
        assertThat(letters.recentBatches(fixture.newMunicipality())).isEmpty();
        var history = letters.templateHistory(coordinator, template);
        assertThat(history).extracting(LetterTemplateVersion::version).containsExactly(2, 1, 0);
        assertThat(history.get(2).body()).isEqualTo("Första texten, ring {telefon}.");
        assertThat(history.get(2).letters()).isEqualTo(1);
        assertThat(history.get(2).batches()).isEqualTo(1);
        assertThat(history.get(1).body()).isEqualTo("Andra texten, ring {telefon}.");
        assertThat(history.get(1).letters()).isZero();
        assertThat(history.get(1).changedBy()).isEqualTo(coordinator.displayName());
        assertThat(history.get(0).retired()).isTrue();
        // the starter letters have their first version too, by nobody
        assertThat(letters.templateHistory(coordinator, starter.id())).singleElement()
                .satisfies(v -> assertThat(v.changedBy()).isNull());
        assertThatThrownBy(() -> letters.templateHistory(fixture.newMunicipality(), template))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> letters.templateHistory(fixture.caseWorkerOf(coordinator), template))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aTemplateUsingThePhoneCannotBeSentBeforeTheMunicipalityHasAPhoneNumber() {
        Actor coordinator = fixture.newMunicipality();
        var e = register(coordinator, Row.at("Wilma", "Storgatan 8"));
        var homeVisit = letters.templates(coordinator).get(0);

        assertThatThrownBy(() -> letters.preview(coordinator, homeVisit.id(), List.copyOf(e.values())))
                .isInstanceOfSatisfying(InvalidInputException.class, x -> assertThat(x.texts(messages, SV))
                        .containsOnlyKeys("phone"));
        assertThatThrownBy(() -> letters.saveSender(coordinator, new SenderInput(null, "ring mig")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aRetiredTemplateCannotBeUsedForLetters() {
        Actor coordinator = fixture.newMunicipality();
        var e = register(coordinator, Row.at("Xena", "Storgatan 9"));
        UUID template = template(coordinator, "Gammal mall", "Hej {förnamn}");
        letters.retireTemplate(coordinator, template);

        assertThatThrownBy(() -> letters.preview(coordinator, template, List.copyOf(e.values())))
                .isInstanceOfSatisfying(InvalidInputException.class, x -> assertThat(x.texts(messages, SV))
                        .containsEntry("template", "Brevmallen ”Gammal mall” är avslutad och kan inte användas längre."));
        assertThat(letters.activeTemplates(coordinator)).extracting(LetterTemplate::name).doesNotContain("Gammal mall");
    }

    @Test
    void anotherMunicipalityCannotSeeOrUseTheTemplatesOrTheEpisodes() {
        Actor coordinator = fixture.newMunicipality();
        Actor other = fixture.newMunicipality();
        var e = register(coordinator, Row.at("Ylva", "Storgatan 10"));
        UUID template = template(coordinator, "Vår egen", "Hej {förnamn}");
        UUID othersTemplate = template(other, "Deras", "Hej {förnamn}");
        var chosen = List.copyOf(e.values());

        assertThat(letters.templates(other)).extracting(LetterTemplate::id).doesNotContain(template);
        assertThatThrownBy(() -> letters.template(other, template)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> letters.updateTemplate(other, template, new TemplateInput("Kapad", "Hej", "Hej", null)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> letters.retireTemplate(other, template)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> letters.preview(other, template, chosen)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> letters.preview(other, othersTemplate, chosen))
                .as("their own template, our episodes").isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> letters.produce(other, UUID.randomUUID(), othersTemplate, chosen))
                .isInstanceOf(NotFoundException.class);
        assertThat(letterAttempts(coordinator, e.get("Ylva"))).isEmpty();
        assertThat(letters.template(coordinator, template).name()).isEqualTo("Vår egen");
    }

    @Test
    void aCaseWorkerSendsLettersButOnlyTheCoordinatorEditsTemplates() {
        Actor coordinator = fixture.newMunicipality();
        Actor caseWorker = fixture.caseWorkerOf(coordinator);
        var e = register(coordinator, Row.at("Zara", "Storgatan 11"));
        UUID template = template(coordinator, "Från uppsökaren", "Hej {förnamn}, ring {handläggare} på {telefon}.");

        var preview = letters.preview(caseWorker, template, List.copyOf(e.values()));
        letters.produce(caseWorker, preview.batchId(), template, List.copyOf(e.values()));

        assertThat(preview.first().paragraphs().get(0).get(0)).contains(caseWorker.displayName());
        assertThat(letterAttempts(coordinator, e.get("Zara"))).hasSize(1);
        assertThatThrownBy(() -> letters.createTemplate(caseWorker, new TemplateInput("Min", "Hej", "Hej", null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> letters.updateTemplate(caseWorker, template, new TemplateInput("Min", "Hej", "Hej", null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> letters.retireTemplate(caseWorker, template)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> letters.templatesToManage(caseWorker)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> letters.saveSender(caseWorker, new SenderInput(null, "040-12 34 56")))
                .isInstanceOf(AccessDeniedException.class);
    }
}
