package se.lots.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import se.lots.IntegrationTest;
import se.lots.TestNumbers;
import se.lots.benchmark.PersonGenerator.Generated;
import se.lots.benchmark.PersonGenerator.GeneratedPerson;
import se.lots.benchmark.PersonGenerator.Holder;
import se.lots.benchmark.SearchQueries.Kind;
import se.lots.benchmark.SearchQueries.Query;
import se.lots.organisation.NewOrganisation;
import se.lots.organisation.NewUser;
import se.lots.organisation.Organisation;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.PartyType;
import se.lots.organisation.Role;
import se.lots.registry.search.PersonSearch;
import se.lots.registry.search.PersonSummary;
import se.lots.registry.search.SearchResult;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/**
 * The search benchmark's generator and searches at smoke size, checked for correctness instead of timed. The
 * persons go to two organisations of this test's own, far from the demo area, so other tests never see them.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchBenchmarkSmokeIntegrationTest {

    private static final int PERSONS = 3_000;
    private static final int SEARCHES_PER_KIND = 50;

    @Autowired
    OrganisationService organisations;
    @Autowired
    CurrentActor actors;
    @Autowired
    PersonSearch personSearch;
    @Autowired
    DataSource dataSource;
    @Autowired
    @Qualifier("ownerDataSource")
    DataSource ownerDataSource;

    Organisation mine;
    Actor actor;
    Generated generated;
    SearchQueries queries;

    @BeforeAll
    void generatePersonsForTwoOrganisationsOfTheirOwn() {
        mine = organisations.create(new NewOrganisation("Röktestkommunen", PartyType.KOMMUN, "2584", "25",
                List.of()));
        Organisation other = organisations.create(new NewOrganisation("Röktestförbundet", PartyType.FORBUND, null,
                "25", List.of()));
        organisations.createUser(new NewUser("benchmark-smoke", "röktest-lösenord-1", "Rökt Testsson",
                Role.CASE_WORKER, mine.id(), null));
        actor = actors.byUsername("benchmark-smoke");
        // the numbers tests may use, each once per run; the rest of the persons get reserve identities
        List<String> numbers = Stream.generate(TestNumbers::next).limit(300).toList();
        generated = new PersonGenerator(dataSource, 4711, LocalDate.now()).generate(PERSONS,
                List.of(new Holder(mine.id().value(), 0.8, List.of("2584", "2580")), new Holder(other.id().value(), 0.2,
                        List.of("2580"))), numbers);
        PersonGenerator.vacuumAnalyze(ownerDataSource);
        queries = new SearchQueries(generated.persons(), mine.id().value(), 4712);
    }

    @Test
    void theGeneratorFillsTheRequestedNumberWithTestPersonnummerAndReserveIdentities() {
        assertThat(generated.persons()).hasSize(PERSONS);
        assertThat(generated.withPersonnummer()).isEqualTo(300);
        assertThat(generated.persons()).filteredOn(p -> !p.hasPersonnummer())
                .allSatisfy(p -> assertThat(p.reserveIdentity()).matches("RES-[0-9]{7}"));
        assertThat(generated.persons().stream().map(GeneratedPerson::lastName).distinct().count())
                .as("distinct surnames").isGreaterThan(300);
    }

    @Test
    void aPersonnummerSearchFindsExactlyThatPersonAndOnlyInTheOwnOrganisation() {
        for (Kind kind : List.of(Kind.PERSONNUMMER_12, Kind.PERSONNUMMER_10, Kind.RESERVE_IDENTITY)) {
            for (Query q : queries.of(kind, SEARCHES_PER_KIND)) {
                List<PersonSummary> found = search(q).persons();
                if (q.target().ownerOrganisationId() == mine.id().value()) {
                    assertThat(found).as(q.text()).extracting(PersonSummary::id).containsExactly(q.target().id());
                } else {
                    assertThat(found).as(q.text()).isEmpty();
                }
            }
        }
    }

    @Test
    void aNamePartSearchFindsOnlyMatchingPersonsOfTheOwnOrganisation() {
        for (Kind kind : List.of(Kind.SURNAME_PART, Kind.FIRST_AND_SURNAME_PART)) {
            for (Query q : queries.of(kind, SEARCHES_PER_KIND)) {
                SearchResult result = search(q);
                List<String> words = words(q);
                assertThat(result.persons()).as(q.text()).allSatisfy(p -> {
                    assertThat(p.ownerOrganisationId()).isEqualTo(mine.id());
                    assertThat((p.firstName() + " " + p.lastName()).toLowerCase(Locale.ROOT)).contains(words);
                });
                assertThat(result.persons()).as(q.text()).isSortedAccordingTo(
                        Comparator.comparing(PersonSummary::lastName).thenComparing(PersonSummary::firstName));
                assertThat(result.persons()).as(q.text()).isNotEmpty();
                if (result.total() <= PersonSearch.PAGE_SIZE) {
                    assertThat(result.persons()).as(q.text()).extracting(PersonSummary::id)
                            .contains(q.target().id());
                }
            }
        }
    }

    @Test
    void theBenchmarksCopyOfTheSearchStatementsFindsWhatTheServiceFinds() {
        var plain = new PlainSearch(dataSource);
        for (Query q : queries.mix(SEARCHES_PER_KIND * Kind.values().length)) {
            assertThat(plain.search(q.text(), mine.id().value(), Set.of())).as(q.text())
                    .containsExactlyElementsOf(search(q).persons().stream().map(PersonSummary::id).toList());
        }
    }

    @Test
    void aNamePartWithÅÄÖInCapitalsFindsThePerson() {
        GeneratedPerson person = generated.persons().stream()
                .filter(p -> p.ownerOrganisationId() == mine.id().value()
                        && p.lastName().matches("[ÅÄÖ][a-zåäö]+"))
                .findFirst().orElseThrow();

        assertThat(personSearch.search(actor, person.lastName(), 0).total()).as(person.lastName()).isPositive();
        assertThat(personSearch.search(actor, person.lastName().toLowerCase(Locale.ROOT), 0).total())
                .as(person.lastName()).isPositive();
    }

    private SearchResult search(Query q) {
        return personSearch.search(actor, q.text(), 0);
    }

    private static List<String> words(Query q) {
        return List.of(q.text().toLowerCase(Locale.ROOT).split(" "));
    }
}
