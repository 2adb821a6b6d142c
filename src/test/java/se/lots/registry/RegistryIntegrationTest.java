package se.lots.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import se.lots.IntegrationTest;
import se.lots.TestNumbers;
import se.lots.reference.MunicipalityCode;
import se.lots.registry.search.PersonSearch;
import se.lots.registry.search.PersonSummary;
import se.lots.security.CurrentActor;
import se.lots.shared.ConflictException;
import se.lots.shared.FieldError;
import se.lots.shared.InvalidInputException;

@IntegrationTest
class RegistryIntegrationTest {

    @Autowired
    RegistryService registry;
    @Autowired
    PersonSearch persons;
    @Autowired
    CurrentActor actors;
    @Autowired
    JdbcClient jdbc;

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
        assertThat(persons.search(kaa, person.reserveIdentity(), 0).persons()).extracting(PersonSummary::id)
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
        assertThat(person.municipalityCode()).isEqualTo(new MunicipalityCode("1214"));
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
        assertThat(jdbc.sql("SELECT street FROM young_person WHERE id = ?").param(person.id()).query(String.class)
                .optional()).contains("Storgatan 1");

        var updated = registry.changeProtectedIdentity(kaa, person.id(),
                new ProtectedIdentityChange(true, "Skatteverkets besked om skyddad folkbokföring", person.version()));

        assertThat(updated.protectedIdentity()).isTrue();
        assertThat(updated.address()).isNull();
        assertThat(updated.version()).isEqualTo(person.version() + 1);
        assertThat(jdbc.sql("SELECT street FROM young_person WHERE id = ?").param(person.id()).query(String.class)
                .optional()).isEmpty();
        assertThat(auditRows(person.id(), "PROTECTED_IDENTITY_SET"))
                .containsExactly("kaa|EGEN_ORGANISATION|Skatteverkets besked om skyddad folkbokföring");
    }

    @Test
    void aPlainUpdateThatWouldChangeTheProtectedIdentityIsRefusedEitherWayAndNothingIsSaved() {
        var kaa = actors.byUsername("kaa");
        var open = registry.register(kaa, aYoungPerson().named("Öppen", "Vanligsson").build());
        var hidden = registry.register(kaa, aYoungPerson().named("Dold", "Vanligsson").protectedIdentity().build());

        for (var person : java.util.List.of(open, hidden)) {
            var read = PersonInput.of(person);
            var flipped = new PersonInput(false, null, null, null, "Ändrad", read.lastName(), read.gender(),
                    read.municipalityCode(), !person.protectedIdentity(), null, read.phone(), read.email(), null,
                    false, null, person.version());
            assertThatThrownBy(() -> registry.update(kaa, person.id(), flipped)).as(person.firstName())
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field, FieldError::messageKey)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple("protectedIdentity",
                                    "registry.protected.notByUpdate")));
            var after = registry.read(kaa, person.id()).person();
            assertThat(after.protectedIdentity()).isEqualTo(person.protectedIdentity());
            assertThat(after.firstName()).isEqualTo(person.firstName());
            assertThat(after.version()).isEqualTo(person.version());
            assertThat(after.address()).isEqualTo(person.address());
        }
        assertThat(auditRows(open.id(), "PROTECTED_IDENTITY_SET")).isEmpty();
        assertThat(auditRows(hidden.id(), "PROTECTED_IDENTITY_LIFTED")).isEmpty();
    }

    @Test
    void anUpdateThatLeavesTheProtectedIdentityOutKeepsIt() {
        var kaa = actors.byUsername("kaa");
        var person = registry.register(kaa, aYoungPerson().named("Kvar", "Skyddsson").protectedIdentity().build());
        var read = PersonInput.of(person);

        var updated = registry.update(kaa, person.id(), new PersonInput(false, null, null, null, "Kvarstår",
                read.lastName(), read.gender(), read.municipalityCode(), null, null, read.phone(), read.email(), null,
                false, null, person.version()));

        assertThat(updated.firstName()).isEqualTo("Kvarstår");
        assertThat(updated.protectedIdentity()).isTrue();
    }

    @Test
    void registeringAPersonWithProtectedIdentityIsAuditedAsSettingIt() {
        var kaa = actors.byUsername("kaa");
        var hidden = registry.register(kaa, aYoungPerson().protectedIdentity().build());
        var open = registry.register(kaa, aYoungPerson().build());

        assertThat(auditRows(hidden.id(), "PROTECTED_IDENTITY_SET"))
                .containsExactly("kaa|EGEN_ORGANISATION|" + RegistryService.SET_ON_REGISTRATION);
        assertThat(auditRows(open.id(), "PROTECTED_IDENTITY_SET")).isEmpty();
    }

    @Test
    void liftingNeedsACoordinatorOrLeadOfTheHoldingOrganisationAndAReason() {
        var kaa = actors.byUsername("kaa");
        var person = registry.register(kaa, aYoungPerson().named("Häv", "Skyddsson").protectedIdentity().build());
        var lift = new ProtectedIdentityChange(false, "Skatteverket har hävt skyddet", person.version());

        for (String refused : java.util.List.of("coach", "socialsekreterare", "af")) {
            assertThatThrownBy(() -> registry.changeProtectedIdentity(actors.byUsername(refused), person.id(), lift))
                    .as(refused).isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> registry.changeProtectedIdentity(kaa, person.id(),
                new ProtectedIdentityChange(false, "  kort  ", person.version())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("reason"));
        assertThat(registry.read(kaa, person.id()).person().protectedIdentity()).isTrue();
        assertThat(auditRows(person.id(), "PROTECTED_IDENTITY_LIFTED")).isEmpty();

        var lifted = registry.changeProtectedIdentity(actors.byUsername("insatsledare"), person.id(), lift);

        assertThat(lifted.protectedIdentity()).isFalse();
        assertThat(auditRows(person.id(), "PROTECTED_IDENTITY_LIFTED"))
                .containsExactly("insatsledare|EGEN_ORGANISATION|Skatteverket har hävt skyddet");
    }

    @Test
    void aCaseWorkerOfTheHoldingOrganisationSetsItButNoOneElsewhere() {
        var kaa = actors.byUsername("kaa");
        var person = registry.register(kaa, aYoungPerson().named("Sätt", "Skyddsson").build());
        var set = new ProtectedIdentityChange(true, "Personen berättar om sekretessmarkering", person.version());

        assertThatThrownBy(() -> registry.changeProtectedIdentity(actors.byUsername("af"), person.id(), set))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(registry.read(kaa, person.id()).person().protectedIdentity()).isFalse();

        assertThat(registry.changeProtectedIdentity(actors.byUsername("coach"), person.id(), set).protectedIdentity())
                .isTrue();
    }

    @Test
    void anImportedListMaySetTheProtectedIdentityAuditedAsSettingItButNeverLiftsIt() {
        var kaa = actors.byUsername("kaa");
        var open = registry.register(kaa, aYoungPerson().named("Lista", "Öppensson").build());
        var hidden = registry.register(kaa, aYoungPerson().named("Lista", "Doldsson").protectedIdentity().build());

        var set = registry.checkChangeForImport(kaa, open, listRow(open, true));
        registry.saveImported(kaa, java.util.List.of(), java.util.List.of(set), "KAA-import: lista.csv");

        assertThat(registry.read(kaa, open.id()).person().protectedIdentity()).isTrue();
        assertThat(auditRows(open.id(), "PROTECTED_IDENTITY_SET"))
                .containsExactly("kaa|EGEN_ORGANISATION|KAA-import: lista.csv");

        var lift = registry.checkChangeForImport(kaa, hidden, listRow(hidden, false));
        assertThatThrownBy(() -> registry.saveImported(kaa, java.util.List.of(), java.util.List.of(lift),
                "KAA-import: lista.csv")).isInstanceOf(InvalidInputException.class);
        assertThat(registry.read(kaa, hidden.id()).person().protectedIdentity()).isTrue();
        assertThat(auditRows(hidden.id(), "PROTECTED_IDENTITY_LIFTED")).isEmpty();
    }

    private static PersonInput listRow(YoungPerson p, boolean protectedIdentity) {
        return new PersonInput(false, null, null, null, p.firstName(), p.lastName(), p.gender().name(),
                p.municipalityCode().value(), protectedIdentity, null, p.phone(), p.email(), null, false, null,
                p.version());
    }

    @Test
    void aChangeFromAStaleVersionOrToWhatIsAlreadySavedIsRefused() {
        var kaa = actors.byUsername("kaa");
        var person = registry.register(kaa, aYoungPerson().named("Gammal", "Versionsson").build());
        registry.update(kaa, person.id(), withFirstName(PersonInput.of(person), "Ny"));

        assertThatThrownBy(() -> registry.changeProtectedIdentity(kaa, person.id(),
                new ProtectedIdentityChange(true, "Skatteverkets besked i dag", person.version())))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> registry.changeProtectedIdentity(kaa, person.id(),
                new ProtectedIdentityChange(false, "Skatteverkets besked i dag", person.version() + 1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::messageKey).containsExactly("registry.protected.notSet"));
        assertThat(registry.read(kaa, person.id()).person().version()).isEqualTo(person.version() + 1);
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
        assertThatThrownBy(() -> persons.search(analyst, "testsson", 0)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> registry.read(analyst, person.id())).isInstanceOf(AccessDeniedException.class);
    }

    private static PersonInput withFirstName(PersonInput p, String firstName) {
        return new PersonInput(p.anonymous(), p.personalIdentityNumber(), p.birthDate(), p.birthYear(), firstName,
                p.lastName(), p.gender(), p.municipalityCode(), p.protectedIdentity(), p.address(), p.phone(),
                p.email(), p.preferredLanguage(), p.interpreterNeeded(), p.guardian(), p.version());
    }

    /** The person's audit rows of {@code action} as "user|purpose|detail", oldest first. */
    private java.util.List<String> auditRows(java.util.UUID personId, String action) {
        return jdbc.sql("""
                SELECT username || '|' || coalesce(purpose, '') || '|' || coalesce(detail, '') FROM audit_entry
                 WHERE person_id = ? AND action = ? ORDER BY id""").params(personId, action).query(String.class).list();
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM young_person").query(Long.class).single();
    }
}
