package se.lots.registry.search;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

import se.lots.IntegrationTest;
import se.lots.organisation.NewOrganisation;
import se.lots.organisation.NewUser;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.PartyType;
import se.lots.organisation.Role;
import se.lots.TestNumbers;
import se.lots.registry.IdentityKind;
import se.lots.registry.RegistryService;
import se.lots.security.CurrentActor;

@IntegrationTest
class PersonSearchIntegrationTest {

    @Autowired
    RegistryService registry;
    @Autowired
    PersonSearch persons;
    @Autowired
    CurrentActor actors;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrganisationService organisations;

    @Test
    void aRegisteredPersonIsFoundByPersonnummerInEveryAcceptedFormat() {
        var kaa = actors.byUsername("kaa");
        String pin = TestNumbers.next();
        var person = registry.register(kaa, aYoungPerson().withPin(pin).named("Sigrid", "Formatsson").build());

        String tenWithDash = pin.substring(2, 8) + "-" + pin.substring(8);
        for (String query : new String[] { pin, pin.substring(0, 8) + "-" + pin.substring(8), tenWithDash,
            pin.substring(2) }) {
            assertThat(persons.search(kaa, query, 0).persons()).as(query)
                    .extracting(PersonSummary::id).containsExactly(person.id());
        }
        assertThat(person.personalIdentityNumber().value()).isEqualTo(pin);
        assertThat(person.identityKind()).isEqualTo(IdentityKind.PERSONNUMMER);
    }

    @Test
    void aPersonIsFoundByPartsOfTheNameCaseInsensitively() {
        var kaa = actors.byUsername("kaa");
        var person = registry.register(kaa, aYoungPerson().named("Zelmira", "Qvarnströmberg").build());

        assertThat(persons.search(kaa, "qvarnström", 0).persons()).extracting(PersonSummary::id)
                .containsExactly(person.id());
        assertThat(persons.search(kaa, "ZELM strömb", 0).persons()).extracting(PersonSummary::id)
                .containsExactly(person.id());
        assertThat(persons.search(kaa, "zelmira andersson", 0).persons()).isEmpty();
    }

    @Test
    void namesWithÅÄÖAreFoundWhateverTheCase() {
        var kaa = actors.byUsername("kaa");
        var person = registry.register(kaa, aYoungPerson().named("Örjan", "Åkerström-Älvsjö").build());

        for (String query : new String[] { "åkerström", "ÅKERSTRÖM", "örjan älvsjö", "ÖRJ ÄLV" }) {
            assertThat(persons.search(kaa, query, 0).persons()).as(query).extracting(PersonSummary::id)
                    .containsExactly(person.id());
        }
    }

    @Test
    void aTwoLetterWordMatchesTheStartOfANameOnly() {
        var kaa = actors.byUsername("kaa");
        var ali = registry.register(kaa, aYoungPerson().named("Alibek", "Tvåbokstavsson").build());
        var michael = registry.register(kaa, aYoungPerson().named("Michal", "Tvåbokstavsson").build());

        assertThat(persons.search(kaa, "al tvåbokstavsson", 0).persons()).extracting(PersonSummary::id)
                .containsExactly(ali.id());
        assertThat(persons.search(kaa, "cha tvåbokstavsson", 0).persons()).extracting(PersonSummary::id)
                .containsExactly(michael.id());
        var doubleName = registry.register(kaa, aYoungPerson().named("Sara", "Berg-Ek").build());
        assertThat(persons.search(kaa, "sa ek", 0).persons()).extracting(PersonSummary::id)
                .contains(doubleName.id());
    }

    @Test
    void searchResultsArePagedTwentyAtATime() {
        var coach = actors.byUsername("coach");
        for (int i = 0; i < 23; i++) {
            registry.register(coach, aYoungPerson().named("Sida" + i, "Paginerad").build());
        }
        var first = persons.search(coach, "paginerad", 0);
        var second = persons.search(coach, "paginerad", 1);

        assertThat(first.total()).isEqualTo(23);
        assertThat(first.persons()).hasSize(20);
        assertThat(first.hasNext()).isTrue();
        assertThat(second.persons()).hasSize(3);
        assertThat(second.hasNext()).isFalse();
        assertThat(first.persons()).doesNotContainAnyElementsOf(second.persons());
    }

    @Test
    void aSearchWithMoreHitsThanSortedInMemoryStillPagesInNameOrder() {
        var org = organisations.create(new NewOrganisation("Storkommunen (söktest)", PartyType.KOMMUN, "0180", null,
                List.of()));
        organisations.createUser(new NewUser("soktest", "ett-langt-losenord", "Sök Test", Role.CASE_WORKER,
                org.id(), null));
        var actor = actors.byUsername("soktest");
        int many = PersonSummaries.HITS_CAP + 100;
        jdbc.sql("""
                INSERT INTO young_person (identity_kind, reserve_identity, first_name, last_name, birth_year, gender,
                                          municipality_code, owner_organisation_id, search_name)
                SELECT 'RESERVE', 'RES-S' || n, 'Förnamn' || lpad(n::text, 5, '0'), 'Mängdsson', 2005, 'MAN', '0180', ?,
                       ' förnamn' || lpad(n::text, 5, '0') || ' mängdsson'
                  FROM generate_series(1, ?) AS n""").params(org.id().value(), many).update();

        var first = persons.search(actor, "mängdsson", 0);
        var second = persons.search(actor, "MÄNGDSSON", 1);

        assertThat(first.totalCapped()).isTrue();
        assertThat(first.persons()).extracting(PersonSummary::firstName)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 20)
                        .mapToObj(n -> "Förnamn" + String.format("%05d", n)).toList());
        assertThat(second.persons()).extracting(PersonSummary::firstName).first().isEqualTo("Förnamn00021");
        assertThat(second.persons()).hasSize(20).allSatisfy(p -> assertThat(p.ownerOrganisationId()).isEqualTo(org.id()));
    }
}
