package se.lots.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import java.util.List;

import se.lots.IntegrationTest;
import se.lots.organisation.NewOrganisation;
import se.lots.organisation.NewUser;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.PartyType;
import se.lots.organisation.Role;
import se.lots.TestNumbers;
import se.lots.security.CurrentActor;
import se.lots.shared.ConflictException;
import se.lots.shared.FieldError;
import se.lots.shared.InvalidInputException;

@IntegrationTest
class RegistryIntegrationTest {

    @Autowired
    RegistryService registry;
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
            assertThat(registry.search(kaa, query, 0).persons()).as(query)
                    .extracting(PersonSummary::id).containsExactly(person.id());
        }
        assertThat(person.personalIdentityNumber()).isEqualTo(pin);
        assertThat(person.identityKind()).isEqualTo(IdentityKind.PERSONNUMMER);
    }

    @Test
    void aPersonIsFoundByPartsOfTheNameCaseInsensitively() {
        var kaa = actors.byUsername("kaa");
        var person = registry.register(kaa, aYoungPerson().named("Zelmira", "Qvarnströmberg").build());

        assertThat(registry.search(kaa, "qvarnström", 0).persons()).extracting(PersonSummary::id)
                .containsExactly(person.id());
        assertThat(registry.search(kaa, "ZELM strömb", 0).persons()).extracting(PersonSummary::id)
                .containsExactly(person.id());
        assertThat(registry.search(kaa, "zelmira andersson", 0).persons()).isEmpty();
    }

    @Test
    void namesWithÅÄÖAreFoundWhateverTheCase() {
        var kaa = actors.byUsername("kaa");
        var person = registry.register(kaa, aYoungPerson().named("Örjan", "Åkerström-Älvsjö").build());

        for (String query : new String[] { "åkerström", "ÅKERSTRÖM", "örjan älvsjö", "ÖRJ ÄLV" }) {
            assertThat(registry.search(kaa, query, 0).persons()).as(query).extracting(PersonSummary::id)
                    .containsExactly(person.id());
        }
    }

    @Test
    void aTwoLetterWordMatchesTheStartOfANameOnly() {
        var kaa = actors.byUsername("kaa");
        var ali = registry.register(kaa, aYoungPerson().named("Alibek", "Tvåbokstavsson").build());
        var michael = registry.register(kaa, aYoungPerson().named("Michal", "Tvåbokstavsson").build());

        assertThat(registry.search(kaa, "al tvåbokstavsson", 0).persons()).extracting(PersonSummary::id)
                .containsExactly(ali.id());
        assertThat(registry.search(kaa, "cha tvåbokstavsson", 0).persons()).extracting(PersonSummary::id)
                .containsExactly(michael.id());
        var doubleName = registry.register(kaa, aYoungPerson().named("Sara", "Berg-Ek").build());
        assertThat(registry.search(kaa, "sa ek", 0).persons()).extracting(PersonSummary::id)
                .contains(doubleName.id());
    }

    @Test
    void searchResultsArePagedTwentyAtATime() {
        var coach = actors.byUsername("coach");
        for (int i = 0; i < 23; i++) {
            registry.register(coach, aYoungPerson().named("Sida" + i, "Paginerad").build());
        }
        var first = registry.search(coach, "paginerad", 0);
        var second = registry.search(coach, "paginerad", 1);

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
        int many = YoungPersons.HITS_CAP + 100;
        jdbc.sql("""
                INSERT INTO young_person (identity_kind, reserve_identity, first_name, last_name, birth_year, gender,
                                          municipality_code, owner_organisation_id, search_name)
                SELECT 'RESERVE', 'RES-S' || n, 'Förnamn' || lpad(n::text, 5, '0'), 'Mängdsson', 2005, 'MAN', '0180', ?,
                       ' förnamn' || lpad(n::text, 5, '0') || ' mängdsson'
                  FROM generate_series(1, ?) AS n""").params(org.id(), many).update();

        var first = registry.search(actor, "mängdsson", 0);
        var second = registry.search(actor, "MÄNGDSSON", 1);

        assertThat(first.totalCapped()).isTrue();
        assertThat(first.persons()).extracting(PersonSummary::firstName)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 20)
                        .mapToObj(n -> "Förnamn" + String.format("%05d", n)).toList());
        assertThat(second.persons()).extracting(PersonSummary::firstName).first().isEqualTo("Förnamn00021");
        assertThat(second.persons()).hasSize(20).allSatisfy(p -> assertThat(p.ownerOrganisationId()).isEqualTo(org.id()));
    }

    @Test
    void aWrongChecksumIsRejectedWithASwedishFieldErrorAndNothingIsSaved() {
        var kaa = actors.byUsername("kaa");
        String pin = TestNumbers.next();
        String wrong = pin.substring(0, 11) + ((pin.charAt(11) - '0' + 1) % 10);
        long before = count();

        assertThatThrownBy(() -> registry.register(kaa, aYoungPerson().withPin(wrong).build()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("personalIdentityNumber",
                                "pin.invalid.checksum")));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void everyMissingOrWrongFieldIsNamedAtOnce() {
        var kaa = actors.byUsername("kaa");
        var input = new PersonInput(false, TestNumbers.next(), null, null, "", null, "okänt", "9999", false,
                new Address("Gatan 1", "12", "Ort"), "abc", "inte-en-adress", null, false, null, null);

        assertThatThrownBy(() -> registry.register(kaa, input)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("firstName",
                        "lastName", "gender", "municipalityCode", "address.postalCode", "phone", "email"));
    }

    @Test
    void registeringAnExistingPersonnummerPointsToTheExistingRecordInsteadOfADuplicate() {
        var kaa = actors.byUsername("kaa");
        String pin = TestNumbers.next();
        var existing = registry.register(kaa, aYoungPerson().withPin(pin).build());
        String otherFormat = pin.substring(2, 8) + "-" + pin.substring(8);

        assertThatThrownBy(() -> registry.register(actors.byUsername("af"), aYoungPerson().withPin(otherFormat).build()))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.existingId()).isEqualTo(existing.id()));
        assertThat(jdbc.sql("SELECT count(*) FROM young_person WHERE personal_identity_number = ?").param(pin)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aPersonWithoutNumberGetsAGeneratedReserveIdentityMarkedAsSuch() {
        var kaa = actors.byUsername("kaa");
        var person = registry.register(kaa, aYoungPerson().withoutNumber("2008-02-29").named("Reza", "Reserv").build());

        assertThat(person.identityKind()).isEqualTo(IdentityKind.RESERVE);
        assertThat(person.reserveIdentity()).matches("RES-\\d{7}");
        assertThat(person.personalIdentityNumber()).isNull();
        assertThat(person.birthDate()).hasToString("2008-02-29");
        assertThat(registry.search(kaa, person.reserveIdentity(), 0).persons()).extracting(PersonSummary::id)
                .containsExactly(person.id());
    }

    @Test
    void aPersonWithoutNumberNeedsABirthDate() {
        var kaa = actors.byUsername("kaa");
        assertThatThrownBy(() -> registry.register(kaa, aYoungPerson().withoutNumber("2009-02-30").build()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("birthDate"));
    }

    @Test
    void aSamordningsnummerIsRecognised() {
        var kaa = actors.byUsername("kaa");
        var person = registry.register(kaa, aYoungPerson().withPin("191401682396").build());
        assertThat(person.identityKind()).isEqualTo(IdentityKind.SAMORDNINGSNUMMER);
        assertThat(person.birthYear()).isEqualTo(1914);
    }

    @Test
    void anAnonymousParticipantKeepsOnlyGenderBirthYearAndMunicipality() {
        var kaa = actors.byUsername("kaa");
        var person = registry.register(kaa, aYoungPerson().anonymous("2007").gender("ANNAT").build());

        assertThat(person.identityKind()).isEqualTo(IdentityKind.ANONYMOUS);
        assertThat(person.birthYear()).isEqualTo(2007);
        assertThat(person.gender()).isEqualTo(Gender.ANNAT);
        assertThat(person.municipalityCode()).isEqualTo("1214");
        assertThat(person.firstName()).isNull();
        assertThat(person.personalIdentityNumber()).isNull();
        assertThat(person.reserveIdentity()).isNull();
    }

    @Test
    void anAnonymousParticipantWithANameIsRefused() {
        var kaa = actors.byUsername("kaa");
        var input = new PersonInput(true, null, null, "2006", "Namn", null, "MAN", "1214", false, null, null, null,
                null, false, null, null);
        assertThatThrownBy(() -> registry.register(kaa, input)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).contains("anonymous"));
    }

    @Test
    void protectedIdentityNeverStoresAnAddress() {
        var kaa = actors.byUsername("kaa");
        var person = registry.register(kaa, aYoungPerson().protectedIdentity().named("Skyddad", "Hemlig").build());

        assertThat(person.address()).isNull();
        assertThat(jdbc.sql("SELECT street, postal_code, city FROM young_person WHERE id = ?").param(person.id())
                .query((rs, n) -> (rs.getString(1) == null) && (rs.getString(2) == null) && (rs.getString(3) == null))
                .single()).isTrue();
    }

    @Test
    void protectedIdentityWithAnAddressIsRefusedNotSilentlyStored() {
        var kaa = actors.byUsername("kaa");
        var input = aYoungPerson().protectedIdentity().withAddress(new Address("Hemliga vägen 1", "268 31", "Svalöv"))
                .build();
        assertThatThrownBy(() -> registry.register(kaa, input)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("address"));
    }

    @Test
    void settingProtectedIdentityLaterErasesTheStoredAddress() {
        var kaa = actors.byUsername("kaa");
        var person = registry.register(kaa, aYoungPerson().build());
        var before = PersonInput.of(person);
        var now = new PersonInput(false, null, null, null, before.firstName(), before.lastName(), before.gender(),
                before.municipalityCode(), true, null, before.phone(), before.email(), null, false, null,
                person.version());

        var updated = registry.update(kaa, person.id(), now);

        assertThat(updated.protectedIdentity()).isTrue();
        assertThat(updated.address()).isNull();
        assertThat(jdbc.sql("SELECT street FROM young_person WHERE id = ?").param(person.id()).query(String.class)
                .optional()).isEmpty();
    }

    @Test
    void aSecondEditorWithAStaleVersionIsRefusedAndTheFirstEditIsKept() {
        var kaa = actors.byUsername("kaa");
        var coach = actors.byUsername("coach");
        var person = registry.register(kaa, aYoungPerson().named("Först", "Versionsson").build());
        var read = PersonInput.of(person);

        registry.update(kaa, person.id(), withFirstName(read, "Karin-ändrad"));

        assertThatThrownBy(() -> registry.update(coach, person.id(), withFirstName(read, "Coach-ändrad")))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("person.staleVersion"));
        assertThat(registry.read(kaa, person.id()).person().firstName()).isEqualTo("Karin-ändrad");
    }

    @Test
    void anotherOrganisationCannotEditTheRecord() {
        var kaa = actors.byUsername("kaa");
        var person = registry.register(kaa, aYoungPerson().build());
        assertThatThrownBy(() -> registry.update(actors.byUsername("af"), person.id(), PersonInput.of(person)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anAnalystNeitherSearchesNorReads() {
        var kaa = actors.byUsername("kaa");
        var person = registry.register(kaa, aYoungPerson().build());
        var analyst = actors.byUsername("analytiker");
        assertThatThrownBy(() -> registry.search(analyst, "testsson", 0)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> registry.read(analyst, person.id())).isInstanceOf(AccessDeniedException.class);
    }

    private static PersonInput withFirstName(PersonInput p, String firstName) {
        return new PersonInput(p.anonymous(), p.personalIdentityNumber(), p.birthDate(), p.birthYear(), firstName,
                p.lastName(), p.gender(), p.municipalityCode(), p.protectedIdentity(), p.address(), p.phone(),
                p.email(), p.preferredLanguage(), p.interpreterNeeded(), p.guardian(), p.version());
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM young_person").query(Long.class).single();
    }
}
