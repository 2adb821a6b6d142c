package se.lots.kaa.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import se.lots.IntegrationTest;
import se.lots.kaa.KaaFixture;
import se.lots.kaa.KaaImportService;
import se.lots.kaa.KaaRegisterBuilder;
import se.lots.kaa.measure.KaaMeasureService.CategoryInput;
import se.lots.kaa.measure.KaaMeasureService.MeasureInput;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;
import se.lots.shared.FieldError;
import se.lots.shared.InvalidInputException;
import se.lots.shared.NotFoundException;

@IntegrationTest
class MeasureIntegrationTest {

    private static final LocalDate TODAY = LocalDate.now();

    @Autowired
    KaaMeasureService measures;
    @Autowired
    KaaImportService imports;
    @Autowired
    KaaFixture fixture;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CurrentActor actors;
    @Autowired
    MessageSource messages;

    private UUID onePerson(Actor coordinator, LocalDate registeredOn) {
        var register = new KaaRegisterBuilder(coordinator, imports, fixture, jdbc);
        UUID id = register.person("Ada", "kvinna").build()[0];
        register.registeredOn(id, registeredOn);
        return id;
    }

    private static MeasureInput offered(String category, LocalDate on) {
        return new MeasureInput(category, "Samtal om vägval", "KOMMUN", null, on.toString(), null, null, null, null,
                false);
    }

    private static MeasureInput input(String offered, String started, String ended, String endReason,
            boolean declined) {
        return new MeasureInput("PRAKTIK", "Praktik i butik", "KOMMUN", null, offered, started, ended, endReason,
                null, declined);
    }

    private static FieldError only(Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            assertThat(e.errors()).hasSize(1);
            return e.errors().get(0);
        }
        throw new AssertionError("expected the input to be refused");
    }

    @Test
    void aMeasureIsSavedInTheOpenEpisodeAndAudited() {
        Actor coordinator = fixture.newMunicipality();
        UUID person = onePerson(coordinator, TODAY.minusDays(60));

        measures.register(coordinator, person, new MeasureInput("ANNAN", "Körkortsteori med stöd", "ANNAN_AKTOR",
                "Studieförbundet Vuxenskolan", TODAY.minusDays(10).toString(), TODAY.minusDays(5).toString(), null,
                null, TODAY.plusDays(20).toString(), false));

        var saved = measures.forPerson(coordinator, person);
        assertThat(saved).singleElement().satisfies(m -> {
            assertThat(m.categoryName()).isEqualTo("Annan åtgärd");
            assertThat(m.responsible()).isEqualTo(MeasureResponsible.ANNAN_AKTOR);
            assertThat(m.responsibleActor()).isEqualTo("Studieförbundet Vuxenskolan");
            assertThat(m.startedOn()).isEqualTo(TODAY.minusDays(5));
            assertThat(m.firstOffered()).isTrue();
        });
        assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE person_id = ? AND detail LIKE 'KAA-åtgärd%'"
                + " AND purpose = 'LAGSTOD:KAA' ORDER BY id").param(person).query(String.class).list())
                .containsExactly("CREATE", "READ");
    }

    @Test
    void aStartBeforeTheOfferIsRefusedNamingTheStartDateInSwedish() {
        Actor coordinator = fixture.newMunicipality();
        UUID person = onePerson(coordinator, TODAY.minusDays(60));

        var error = only(() -> measures.register(coordinator, person,
                input(TODAY.minusDays(5).toString(), TODAY.minusDays(8).toString(), null, null, false)));

        assertThat(error.field()).isEqualTo("startedOn");
        assertThat(messages.getMessage(error.messageKey(), error.arguments(), Locale.forLanguageTag("sv")))
                .startsWith("Startdatum kan inte ligga före");
        assertThat(measures.forPerson(coordinator, person)).isEmpty();
    }

    @Test
    void anEndBeforeTheStartAndAnEndReasonWithoutAnEndAreRefused() {
        Actor coordinator = fixture.newMunicipality();
        UUID person = onePerson(coordinator, TODAY.minusDays(60));
        String offered = TODAY.minusDays(20).toString();

        assertThat(only(() -> measures.register(coordinator, person,
                input(offered, TODAY.minusDays(10).toString(), TODAY.minusDays(12).toString(), "FULLFOLJD", false))))
                .extracting(FieldError::field, FieldError::messageKey)
                .containsExactly("endedOn", "kaa.measure.endBeforeStart");
        assertThat(only(() -> measures.register(coordinator, person,
                input(offered, TODAY.minusDays(10).toString(), null, "FULLFOLJD", false))))
                .extracting(FieldError::field, FieldError::messageKey)
                .containsExactly("endReason", "kaa.measure.endReasonWithoutEnd");
        assertThat(only(() -> measures.register(coordinator, person,
                input(offered, TODAY.minusDays(10).toString(), TODAY.minusDays(2).toString(), null, false))))
                .extracting(FieldError::field).isEqualTo("endReason");
    }

    @Test
    void aStartedMeasureCannotBeDeclinedAndNoDatesAtAllIsRefused() {
        Actor coordinator = fixture.newMunicipality();
        UUID person = onePerson(coordinator, TODAY.minusDays(60));

        assertThat(only(() -> measures.register(coordinator, person,
                input(TODAY.minusDays(9).toString(), TODAY.minusDays(3).toString(), null, null, true))).field())
                .isEqualTo("declined");
        assertThat(only(() -> measures.register(coordinator, person, input(null, null, null, null, false))))
                .extracting(FieldError::field, FieldError::messageKey)
                .containsExactly("offeredOn", "kaa.measure.offeredOrStarted");
        assertThat(only(() -> measures.register(coordinator, person, input("2026-13-01", null, null, null, false))))
                .extracting(FieldError::field, FieldError::messageKey).containsExactly("offeredOn", "validation.date");
    }

    @Test
    void anOfferBeforeTheRegistrationOrWithAnotherActorUnnamedIsRefused() {
        Actor coordinator = fixture.newMunicipality();
        UUID person = onePerson(coordinator, TODAY.minusDays(30));

        assertThat(only(() -> measures.register(coordinator, person, offered("SYV", TODAY.minusDays(31))))
                .messageKey()).isEqualTo("kaa.measure.beforeRegistration");
        assertThat(only(() -> measures.register(coordinator, person, new MeasureInput("SYV", null, "ANNAN_AKTOR",
                " ", TODAY.toString(), null, null, null, null, false))).field()).isEqualTo("responsibleActor");
    }

    @Test
    void theFirstOfferedIsTheEarliestOfferEvenWhenItWasRecordedLater() {
        Actor coordinator = fixture.newMunicipality();
        UUID person = onePerson(coordinator, TODAY.minusDays(90));
        measures.register(coordinator, person, offered("PRAKTIK", TODAY.minusDays(10)));
        measures.register(coordinator, person, new MeasureInput("SYV", null, "UNG", null,
                TODAY.minusDays(40).toString(), null, null, null, null, true));

        var list = measures.forPerson(coordinator, person);

        assertThat(list).filteredOn(Measure::firstOffered).singleElement().satisfies(m -> {
            assertThat(m.categoryCode()).isEqualTo("SYV");
            assertThat(m.declined()).isTrue();
        });
    }

    @Test
    void aMeasureCanBeEndedLaterAndARetiredCategoryStaysValidForIt() {
        Actor coordinator = fixture.newMunicipality();
        Actor admin = actors.byUsername("demoadmin");
        UUID person = onePerson(coordinator, TODAY.minusDays(90));
        String code = "TEST_" + coordinator.organisationId();
        measures.saveCategory(admin, new CategoryInput(code, "Testkategori", 500, true));
        UUID id = measures.register(coordinator, person, new MeasureInput(code, null, "KOMMUN", null,
                TODAY.minusDays(30).toString(), TODAY.minusDays(20).toString(), null, null, null, false)).id();
        measures.saveCategory(admin, new CategoryInput(code, "Testkategori", 500, false));

        measures.update(coordinator, id, new MeasureInput(code, null, "KOMMUN", null, TODAY.minusDays(30).toString(),
                TODAY.minusDays(20).toString(), TODAY.minusDays(1).toString(), "FULLFOLJD", null, false));

        assertThat(measures.forPerson(coordinator, person)).singleElement()
                .extracting(Measure::endedOn, Measure::endReason)
                .containsExactly(TODAY.minusDays(1), MeasureEndReason.FULLFOLJD);
        assertThat(only(() -> measures.register(coordinator, person, offered(code, TODAY))).messageKey())
                .isEqualTo("kaa.measure.unknownCategory");
    }

    @Test
    void onlyAnAdministratorKeepsTheCategories() {
        Actor coordinator = fixture.newMunicipality();
        assertThatThrownBy(() -> measures.saveCategory(coordinator, new CategoryInput("X", "X", 1, true)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(only(() -> measures.saveCategory(actors.byUsername("demoadmin"),
                new CategoryInput("bad code!", "Namn", 1, true))).field()).isEqualTo("code");
    }

    @Test
    void anotherMunicipalityOrAnotherRoleCanNeitherSeeNorChangeTheMeasures() {
        Actor coordinator = fixture.newMunicipality();
        Actor other = fixture.newMunicipality();
        UUID person = onePerson(coordinator, TODAY.minusDays(60));
        UUID id = measures.register(coordinator, person, offered("SYV", TODAY.minusDays(3))).id();

        assertThat(measures.forPerson(other, person)).isEmpty();
        assertThatThrownBy(() -> measures.register(other, person, offered("SYV", TODAY)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> measures.update(other, id, offered("PRAKTIK", TODAY)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> measures.forPerson(actors.byUsername("analytiker"), person))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(measures.forPerson(coordinator, person)).singleElement().extracting(Measure::categoryCode)
                .isEqualTo("SYV");
        // the case worker of the same municipality works with it
        assertThat(measures.forPerson(fixture.caseWorkerOf(coordinator), person)).hasSize(1);
    }
}
