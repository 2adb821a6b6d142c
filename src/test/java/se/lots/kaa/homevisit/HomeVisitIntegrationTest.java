package se.lots.kaa.homevisit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.WebSession;
import se.lots.kaa.KaaFixture;
import se.lots.kaa.KaaImportService;
import se.lots.kaa.homevisit.HomeVisitService.ChangeInput;
import se.lots.kaa.homevisit.HomeVisitService.OutcomeInput;
import se.lots.kaa.homevisit.HomeVisitService.PlanInput;
import se.lots.kaa.register.ContactAttempt;
import se.lots.kaa.register.ContactChannel;
import se.lots.kaa.register.ContactOutcome;
import se.lots.kaa.register.KaaService;
import se.lots.kaa.register.KaaStatus;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.InvalidInputException;
import se.lots.shared.NotFoundException;

@IntegrationTest
class HomeVisitIntegrationTest {

    private static final Locale SV = Locale.forLanguageTag("sv");

    @Autowired
    KaaImportService imports;
    @Autowired
    KaaService kaa;
    @Autowired
    HomeVisitService visits;
    @Autowired
    KaaFixture fixture;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MessageSource messages;
    @LocalServerPort
    int port;

    /** A row of the school's list: first name, street, postal code, postort, protected identity (ja/nej). */
    private record Row(String firstName, String street, String postalCode, String city, boolean protectedIdentity) {
    }

    private static Row at(String firstName, String street, String postalCode, String city) {
        return new Row(firstName, street, postalCode, city, false);
    }

    /** Imports the rows (surname Besöksson) and returns the episode ids in the same order. */
    private List<UUID> register(Actor coordinator, Row... rows) {
        var sb = new StringBuilder("personnummer;förnamn;efternamn;situation;adress;postnummer;postort;telefon;"
                + "skyddad_identitet\n");
        var pins = new ArrayList<String>();
        for (Row r : rows) {
            String pin = fixture.kaaAgeNumber();
            pins.add(pin);
            sb.append(String.join(";", pin, r.firstName(), "Besöksson", "studiebevis", nz(r.street()),
                    nz(r.postalCode()), nz(r.city()), "070-123 45 67", r.protectedIdentity() ? "ja" : "nej"))
                    .append('\n');
        }
        var preview = imports.upload(coordinator, "besok.csv", sb.toString().getBytes(StandardCharsets.UTF_8), SV);
        imports.confirm(coordinator, preview.importId(), preview.digest(), Map.of(), SV);
        return pins.stream().map(pin -> jdbc.sql("""
                SELECT e.id FROM kaa_episode e JOIN young_person y ON y.id = e.person_id
                 WHERE y.personal_identity_number = ? AND e.organisation_id = ?""")
                .params(pin, coordinator.organisationId().value()).query(UUID.class).single()).toList();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private UUID personOf(UUID episodeId) {
        return jdbc.sql("SELECT person_id FROM kaa_episode WHERE id = ?").param(episodeId).query(UUID.class).single();
    }

    private UUID planToday(Actor coordinator, List<UUID> episodes) {
        Actor outreach = fixture.caseWorkerOf(coordinator);
        return visits.plan(coordinator, new PlanInput(LocalDate.now().toString(), coordinator.userId(),
                outreach.userId(), "0418-123 45", episodes));
    }

    @Test
    void theDayIsGroupedByPostalAreaForKnownPostalCodesAndOrderedByPostalCodeAndStreet() {
        Actor coordinator = fixture.newMunicipality();
        var episodes = register(coordinator,
                at("Tio", "Storgatan 10", "267 71", "Billesholm"),
                at("Bruk", "Bruksgatan 5", "267 31", "Bjuv"),
                at("Ekeby", "Byvägen 3", "267 75", "Ekeby"),
                at("Två", "Storgatan 2", "267 31", "Bjuv"),
                at("Nio", "Storgatan 9", "267 71", "Billesholm"));

        var route = visits.day(coordinator, planToday(coordinator, episodes)).route();

        assertThat(route.groups()).extracting(HomeVisitRoute.Group::locality)
                .containsExactly("Bjuv", "Billesholm", "Ekeby");
        assertThat(route.stops()).extracting(HomeVisitStop::firstName)
                .containsExactly("Bruk", "Två", "Nio", "Tio", "Ekeby");
    }

    @Test
    void aProtectedIdentityIsRefusedWhenPlanningAndIsNeitherOnTheRouteSheetNorOnTheCards() throws IOException {
        Actor coordinator = fixture.newMunicipality();
        var episodes = register(coordinator,
                at("Synlig", "Storgatan 1", "267 31", "Bjuv"),
                new Row("Hemlig", "Hemligvägen 7", "267 31", "Bjuv", true),
                at("Adresslös", null, null, null));

        var draft = visits.draft(coordinator, episodes);
        assertThat(draft.route().stops()).extracting(HomeVisitStop::firstName).containsExactly("Synlig");
        assertThat(draft.route().refused()).extracting(HomeVisitRoute.Refused::name, HomeVisitRoute.Refused::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("Hemlig Besöksson",
                                HomeVisitRoute.Refusal.PROTECTED_IDENTITY),
                        org.assertj.core.groups.Tuple.tuple("Adresslös Besöksson", HomeVisitRoute.Refusal.NO_ADDRESS));
        assertThat(messages.getMessage("kaa.visits.refusal.PROTECTED_IDENTITY", null, SV))
                .isEqualTo("kan inte planeras: skyddad folkbokföring");

        // the form sent all three back: the day still holds only the one who may be visited
        UUID day = planToday(coordinator, episodes);
        assertThat(jdbc.sql("SELECT count(*) FROM home_visit WHERE day_id = ?").param(day).query(Long.class).single())
                .isEqualTo(1);

        var browser = logIn(coordinator.username());
        String html = browser.get("/kaa/visits/" + day + "/route").body();
        assertThat(html).contains("Synlig Besöksson", "Storgatan 1", "267 31")
                .doesNotContain("Hemlig", "Hemligvägen", "Adresslös");
        String routePdf = pdfText(browser, "/kaa/visits/" + day + "/route.pdf");
        assertThat(routePdf).contains("Synlig Besöksson", "Storgatan 1", "träffad", "ej hemma", "lämnat kort",
                "Vi går alltid två personal tillsammans").doesNotContain("Hemlig", "Adresslös");
        String cards = pdfText(browser, "/kaa/visits/" + day + "/cards.pdf");
        assertThat(cards).contains("Vi har varit hos dig", "Hej Synlig!", "0418-123 45")
                .doesNotContain("Hemlig", "Storgatan");
    }

    @Test
    void theRouteSheetSaysUnder18AndNamesTheGuardianOnlyIfThePersonIsUnder18OnTheDayOfTheVisit() throws IOException {
        Actor coordinator = fixture.newMunicipality();
        var episodes = register(coordinator, at("Ung", "Storgatan 1", "267 31", "Bjuv"));
        UUID person = personOf(episodes.get(0));
        jdbc.sql("UPDATE young_person SET guardian_name = 'Greta Förälder', guardian_phone = '070-111 22 33'"
                + " WHERE id = ?").param(person).update();
        LocalDate born = jdbc.sql("SELECT birth_date FROM young_person WHERE id = ?").param(person)
                .query(LocalDate.class).single();
        Actor outreach = fixture.caseWorkerOf(coordinator);
        UUID at17 = visits.plan(coordinator, new PlanInput(born.plusYears(18).minusDays(1).toString(),
                coordinator.userId(), outreach.userId(), "0418-123 45", episodes));
        UUID at18 = visits.plan(coordinator, new PlanInput(born.plusYears(18).toString(), coordinator.userId(),
                outreach.userId(), "0418-123 45", episodes));

        var browser = logIn(coordinator.username());
        assertThat(pdfText(browser, "/kaa/visits/" + at17 + "/route.pdf"))
                .contains("under 18 – vårdnadshavare: Greta Förälder, 070-111 22 33");
        assertThat(pdfText(browser, "/kaa/visits/" + at18 + "/route.pdf")).contains("Ung Besöksson")
                .doesNotContain("under 18 – vårdnadshavare", "Greta Förälder");
    }

    @Test
    void someoneGivenProtectedIdentityAfterTheDayWasPlannedDropsOffTheRouteSheet() throws IOException {
        Actor coordinator = fixture.newMunicipality();
        var episodes = register(coordinator, at("Först", "Storgatan 1", "267 31", "Bjuv"),
                at("Sedan", "Nygatan 3", "267 31", "Bjuv"));
        UUID day = planToday(coordinator, episodes);

        // Skatteverket's marking arrives after planning: the registry removes the address as it always does
        jdbc.sql("UPDATE young_person SET protected_identity = true, street = NULL, postal_code = NULL, city = NULL"
                + " WHERE id = ?").param(personOf(episodes.get(1))).update();

        var plan = visits.day(coordinator, day);
        assertThat(plan.route().stops()).extracting(HomeVisitStop::firstName).containsExactly("Först");
        assertThat(plan.dropped()).isEqualTo(1);
        var browser = logIn(coordinator.username());
        assertThat(pdfText(browser, "/kaa/visits/" + day + "/route.pdf")).contains("Först Besöksson")
                .doesNotContain("Sedan", "Nygatan");
        assertThat(browser.get("/kaa/visits/" + day).body()).doesNotContain("Sedan Besöksson", "Nygatan");
    }

    @Test
    void theOutcomeRowsBecomeHomeVisitContactAttemptsAndCanChangeTheStatus() {
        Actor coordinator = fixture.newMunicipality();
        Actor outreach = fixture.caseWorkerOf(coordinator);
        var episodes = register(coordinator, at("Hemma", "Storgatan 1", "267 31", "Bjuv"),
                at("Borta", "Storgatan 3", "267 31", "Bjuv"), at("Senare", "Storgatan 5", "267 31", "Bjuv"));
        UUID day = planToday(coordinator, episodes);
        UUID hemma = personOf(episodes.get(0));
        UUID borta = personOf(episodes.get(1));
        UUID senare = personOf(episodes.get(2));

        int saved = visits.recordOutcomes(outreach, day, List.of(
                new OutcomeInput(hemma, "NADD", true, "KONTAKTAD", "Bokade tid på AME."),
                new OutcomeInput(borta, "LAMNAT_MEDDELANDE", false, "", null),
                new OutcomeInput(senare, "", false, "", null)));

        assertThat(saved).isEqualTo(2);
        var hemmaKaa = kaa.person(coordinator, hemma);
        assertThat(hemmaKaa.contacts()).singleElement().satisfies(c -> {
            assertThat(c.channel()).isEqualTo(ContactChannel.HEMBESOK);
            assertThat(c.outcome()).isEqualTo(ContactOutcome.NADD);
            assertThat(c.withGuardian()).isTrue();
            assertThat(c.contactedOn()).isEqualTo(LocalDate.now());
            assertThat(c.staffUserId()).isEqualTo(outreach.userId());
        });
        assertThat(hemmaKaa.current().orElseThrow().status()).isEqualTo(KaaStatus.KONTAKTAD);
        assertThat(kaa.person(coordinator, borta).contacts()).extracting(ContactAttempt::outcome)
                .containsExactly(ContactOutcome.LAMNAT_MEDDELANDE);
        assertThat(kaa.person(coordinator, borta).current().orElseThrow().status()).isEqualTo(KaaStatus.OKAND);
        assertThat(kaa.person(coordinator, senare).contacts()).isEmpty();

        // the same form sent twice (a double click) gives no second attempt for the visits already recorded
        visits.recordOutcomes(outreach, day, List.of(new OutcomeInput(hemma, "NADD", true, "", null),
                new OutcomeInput(senare, "EJ_NADD", false, "", null)));
        assertThat(kaa.person(coordinator, hemma).contacts()).hasSize(1);
        assertThat(visits.day(coordinator, day).day().recorded()).isEqualTo(3);
    }

    @Test
    void aWrongOutcomeRowNamesThePersonAndTheFieldAndNothingOfTheFormIsSaved() {
        Actor coordinator = fixture.newMunicipality();
        var episodes = register(coordinator, at("Rätt", "Storgatan 1", "267 31", "Bjuv"),
                at("Fel", "Storgatan 3", "267 31", "Bjuv"));
        UUID day = planToday(coordinator, episodes);
        UUID right = personOf(episodes.get(0));
        UUID wrong = personOf(episodes.get(1));

        assertThatThrownBy(() -> visits.recordOutcomes(coordinator, day, List.of(
                new OutcomeInput(right, "NADD", false, "", null),
                new OutcomeInput(wrong, "KANSKE", false, "", null))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.texts(messages, SV))
                        .containsEntry("outcome-" + wrong, "Fel Besöksson, utfall: Ogiltigt värde."));

        assertThat(kaa.person(coordinator, right).contacts()).isEmpty();
        assertThat(visits.day(coordinator, day).day().recorded()).isZero();
    }

    @Test
    void aDayInTheFutureCannotHaveOutcomesYet() {
        Actor coordinator = fixture.newMunicipality();
        var episodes = register(coordinator, at("Imorgon", "Storgatan 1", "267 31", "Bjuv"));
        UUID day = visits.plan(coordinator, new PlanInput(LocalDate.now().plusDays(1).toString(),
                coordinator.userId(), fixture.caseWorkerOf(coordinator).userId(), "0418-123 45", episodes));
        UUID person = personOf(episodes.get(0));

        assertThatThrownBy(() -> visits.recordOutcomes(coordinator, day,
                List.of(new OutcomeInput(person, "NADD", false, "", null))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.texts(messages, SV))
                        .containsEntry("outcome-" + person, "Imorgon Besöksson, datum: Datumet ligger i framtiden."));
    }

    @Test
    void planningNeedsADateTwoDifferentStaffMembersOfTheMunicipalityAndAPhoneNumber() {
        Actor coordinator = fixture.newMunicipality();
        Actor stranger = fixture.newMunicipality();
        var episodes = register(coordinator, at("Plan", "Storgatan 1", "267 31", "Bjuv"));

        assertThatThrownBy(() -> visits.plan(coordinator, new PlanInput("3 december", coordinator.userId(),
                coordinator.userId(), "", episodes)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.texts(messages, SV))
                        .containsEntry("visitOn", "Datum: skriv datumet som ÅÅÅÅ-MM-DD.")
                        .containsEntry("secondStaffId", "Personal 2: välj en annan person än personal 1 – vid "
                                + "hembesök går vi alltid två.")
                        .containsEntry("contactPhone", "Telefonnummer: ange numret som ska stå på kortet ”Vi har "
                                + "varit hos dig”."));
        assertThatThrownBy(() -> visits.plan(coordinator, new PlanInput(LocalDate.now().toString(),
                coordinator.userId(), stranger.userId(), "0418-123 45", episodes)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.texts(messages, SV))
                        .containsEntry("secondStaffId", "Personal 2: personen arbetar inte med KAA i kommunen."));
        assertThat(visits.days(coordinator)).isEmpty();
    }

    @Test
    void anotherMunicipalityCanNeitherSeeTheDayNorPlanItsPersons() {
        Actor coordinator = fixture.newMunicipality();
        Actor other = fixture.newMunicipality();
        var episodes = register(coordinator, at("Egen", "Storgatan 1", "267 31", "Bjuv"));
        UUID day = planToday(coordinator, episodes);

        assertThatThrownBy(() -> visits.day(other, day)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> visits.routeSheet(other, day, "PDF")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> visits.cards(fixture.caseWorkerOf(other), day)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> visits.draft(other, episodes)).isInstanceOf(NotFoundException.class);
        assertThat(visits.days(other)).isEmpty();
        assertThat(visits.days(coordinator)).extracting(HomeVisitDay::id).containsExactly(day);

        var browser = logIn(other.username());
        assertThat(browser.get("/kaa/visits/" + day + "/route.pdf").statusCode()).isEqualTo(404);
    }

    @Test
    void aPlannedDayCanBeMovedToAnotherDateAndStaffButNotFromAStaleVersionNorWithWrongInput() {
        Actor coordinator = fixture.newMunicipality();
        Actor outreach = fixture.caseWorkerOf(coordinator);
        var episodes = register(coordinator, at("Flytt", "Storgatan 1", "267 31", "Bjuv"));
        UUID day = planToday(coordinator, episodes);
        String tomorrow = LocalDate.now().plusDays(1).toString();

        visits.change(coordinator, day, new ChangeInput(tomorrow, outreach.userId(), coordinator.userId(),
                "0418-999 99", 0));

        HomeVisitDay changed = visits.day(coordinator, day).day();
        assertThat(changed.visitOn()).isEqualTo(tomorrow);
        assertThat(changed.firstStaffId()).isEqualTo(outreach.userId());
        assertThat(changed.contactPhone()).isEqualTo("0418-999 99");
        assertThat(changed.version()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE person_id = ? AND action = 'UPDATE' AND detail"
                + " LIKE 'KAA: hembesöksdag % ändrad till " + tomorrow + "'").param(personOf(episodes.get(0)))
                .query(Long.class).single()).isEqualTo(1);
        // a second coordinator who opened the day before the change
        assertThatThrownBy(() -> visits.change(coordinator, day, new ChangeInput(LocalDate.now().toString(),
                coordinator.userId(), outreach.userId(), "0418-123 45", 0)))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("kaa.visits.stale"));
        assertThatThrownBy(() -> visits.change(coordinator, day, new ChangeInput("imorgon", outreach.userId(),
                outreach.userId(), "", 1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.texts(messages, SV))
                        .containsOnlyKeys("visitOn", "secondStaffId", "contactPhone"));
        assertThat(visits.day(coordinator, day).day().visitOn()).isEqualTo(tomorrow);
        assertThatThrownBy(() -> visits.change(fixture.newMunicipality(), day, new ChangeInput(tomorrow,
                outreach.userId(), coordinator.userId(), "0418-999 99", 1))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aPersonCanBeTakenOffTheDayBeforeTheVisitAndADayWithOutcomesCanNoLongerBeChanged() {
        Actor coordinator = fixture.newMunicipality();
        var episodes = register(coordinator, at("Kvar", "Storgatan 1", "267 31", "Bjuv"),
                at("Bort", "Storgatan 3", "267 31", "Bjuv"));
        UUID day = planToday(coordinator, episodes);
        UUID kvar = personOf(episodes.get(0));
        UUID bort = personOf(episodes.get(1));

        visits.remove(coordinator, day, bort);

        var plan = visits.day(coordinator, day);
        assertThat(plan.route().stops()).extracting(HomeVisitStop::personId).containsExactly(kvar);
        assertThat(plan.day().planned()).isEqualTo(1);
        assertThat(plan.dropped()).isZero();
        assertThat(jdbc.sql("SELECT removed_by FROM home_visit WHERE day_id = ? AND person_id = ?")
                .params(day, bort).query(Long.class).single()).isEqualTo(coordinator.userId());
        assertThatThrownBy(() -> visits.remove(coordinator, day, bort)).isInstanceOf(NotFoundException.class);
        // nobody taken off is visited: an outcome for them is ignored
        visits.recordOutcomes(coordinator, day, List.of(new OutcomeInput(kvar, "NADD", false, "", null),
                new OutcomeInput(bort, "NADD", false, "", null)));
        assertThat(kaa.person(coordinator, bort).contacts()).isEmpty();
        assertThatThrownBy(() -> visits.remove(coordinator, day, kvar))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("kaa.visits.remove.recorded"));
        assertThatThrownBy(() -> visits.change(coordinator, day, new ChangeInput(LocalDate.now().toString(),
                coordinator.userId(), fixture.caseWorkerOf(coordinator).userId(), "0418-123 45", null)))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("kaa.visits.change.recorded"));
    }

    @Test
    void aCancelledDayStaysInTheListWithWhoAndWhyButCanNeitherBePrintedNorGetOutcomes() {
        Actor coordinator = fixture.newMunicipality();
        var episodes = register(coordinator, at("Inställd", "Storgatan 1", "267 31", "Bjuv"));
        UUID day = planToday(coordinator, episodes);
        UUID person = personOf(episodes.get(0));

        visits.cancel(coordinator, day, "Halka", 0);

        assertThat(visits.days(coordinator)).singleElement().satisfies(d -> {
            assertThat(d.cancelled()).isTrue();
            assertThat(d.cancelReason()).isEqualTo("Halka");
            assertThat(d.cancelledBy()).isNotBlank();
        });
        assertThatThrownBy(() -> visits.routeSheet(coordinator, day, "PDF")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> visits.cards(coordinator, day)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> visits.recordOutcomes(coordinator, day,
                List.of(new OutcomeInput(person, "NADD", false, "", null))))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("kaa.visits.cancelled"));
        assertThatThrownBy(() -> visits.cancel(coordinator, day, null, 1)).isInstanceOf(ConflictException.class);
        assertThat(kaa.person(coordinator, person).contacts()).isEmpty();
        var browser = logIn(coordinator.username());
        assertThat(browser.get("/kaa/visits/" + day + "/route.pdf").statusCode()).isEqualTo(404);
        String page = browser.get("/kaa/visits/" + day).body();
        assertThat(page).contains("Orsak: Halka").doesNotContain("id=\"outcome-form\"")
                .doesNotContain("Storgatan 1");
    }

    @Test
    void theRouteSheetExportIsAuditedForEachPersonOnItWithTheKaaDutyAsBasis() throws IOException {
        Actor coordinator = fixture.newMunicipality();
        var episodes = register(coordinator, at("Logg", "Storgatan 1", "267 31", "Bjuv"),
                new Row("Skydd", null, null, null, true));
        UUID day = planToday(coordinator, episodes);
        UUID logged = personOf(episodes.get(0));
        UUID hidden = personOf(episodes.get(1));

        pdfText(logIn(coordinator.username()), "/kaa/visits/" + day + "/route.pdf");

        var rows = jdbc.sql("""
                SELECT person_id, purpose, detail FROM audit_entry
                 WHERE organisation_id = ? AND action = 'EXPORT' AND detail LIKE 'KAA: körlista%'""")
                .param(coordinator.organisationId().value())
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        assertThat(rows).containsExactly(List.of(logged.toString(), "LAGSTOD:KAA",
                "KAA: körlista hembesök " + LocalDate.now() + " (PDF)"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE person_id = ? AND detail LIKE 'KAA: %hembes%'")
                .param(hidden).query(Long.class).single()).isZero();
    }

    @Test
    void theDaysCalendarFileHasTheDateAndPostalAreasButNoNameAddressOrPersonnummerOfAnyPlannedPerson()
            throws Exception {
        Actor coordinator = fixture.newMunicipality();
        var episodes = register(coordinator,
                at("Kalendra", "Kvarngatan 12", "267 31", "Bjuv"),
                at("Almanacka", "Prästvägen 4", "267 71", "Billesholm"),
                new Row("Skyddadina", "Hemligvägen 7", "267 31", "Bjuv", true));
        UUID day = planToday(coordinator, episodes);
        var planned = episodes.stream().map(this::personOf).map(id -> jdbc.sql("""
                SELECT first_name, last_name, personal_identity_number, street, postal_code FROM young_person
                 WHERE id = ?""").param(id).query((rs, n) -> List.of(rs.getString(1), rs.getString(2),
                rs.getString(3), nz(rs.getString(4)), nz(rs.getString(5)))).single()).toList();

        WebSession browser = logIn(coordinator.username());
        assertThat(browser.get("/kaa/visits/" + day).body()).contains("id=\"day-calendar\"", "/hembesok.ics");
        var response = browser.send(browser.request("/kaa/visits/" + day + "/hembesok.ics").GET(),
                BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        String ics = new String(response.body(), StandardCharsets.UTF_8);
        var calendar = new net.fortuna.ical4j.data.CalendarBuilder()
                .build(new java.io.ByteArrayInputStream(response.body()));
        List<net.fortuna.ical4j.model.component.VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        var event = events.get(0);
        assertThat(event.getDateTimeStart().getValue()).isEqualTo(LocalDate.now().toString().replace("-", ""));
        assertThat(event.getSummary().getValue()).isEqualTo("Hembesök (2 besök)");
        assertThat(event.getLocation().getValue()).isEqualTo("Bjuv, Billesholm");
        assertThat(event.getDescription().getValue()).isEqualTo("Bjuv: 1 besök\nBillesholm: 1 besök");
        // unfolded, so that a name split over two lines of the file is found too
        String unfolded = ics.replace("\r\n ", "").replace("\\,", ",");
        for (List<String> person : planned) {
            for (String value : person) {
                if (value.isBlank()) {
                    continue;
                }
                assertThat(unfolded).as("the file holds nothing of a planned person").doesNotContain(value);
                assertThat(unfolded.replace(" ", "")).doesNotContain(value.replace(" ", ""));
            }
        }
        assertThat(unfolded).doesNotContain("Besöksson", "Kvarngatan", "Prästvägen", "Hemligvägen");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE organisation_id = ? AND detail LIKE ?")
                .params(coordinator.organisationId().value(), "KAA: kalenderfil hembesöksdag%").query(Long.class)
                .single()).isEqualTo(2);
        assertThat(logIn(fixture.newMunicipality().username()).get("/kaa/visits/" + day + "/hembesok.ics")
                .statusCode()).as("another municipality's coordinator").isEqualTo(404);
    }

    // ---------------------------------------------------------------------------------------------------------
    // pages and PDFs as a logged-in user gets them

    private String pdfText(WebSession browser, String path) throws IOException {
        var response = browser.send(browser.request(path).GET(), BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        try (var pdf = Loader.loadPDF(response.body())) {
            return new PDFTextStripper().getText(pdf);
        }
    }

    private WebSession logIn(String username) {
        return WebSession.logIn(port, username, "ett-langt-losenord");
    }
}
