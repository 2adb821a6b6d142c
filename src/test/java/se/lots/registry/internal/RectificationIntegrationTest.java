package se.lots.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import se.lots.IntegrationTest;
import se.lots.TestNumbers;
import se.lots.WebSession;
import se.lots.audit.AuditAction;
import se.lots.audit.internal.AuditEntries;
import se.lots.audit.internal.AuditEntry;
import se.lots.audit.internal.AuditQuery;
import se.lots.kaa.KaaFixture;
import se.lots.registry.IdentityKind;
import se.lots.registry.Rectification;
import se.lots.registry.RegistryService;
import se.lots.registry.YoungPerson;
import se.lots.security.CurrentActor;
import se.lots.shared.InvalidInputException;

/**
 * Rättelse (GDPR art. 16): a correction on the person's request, saved and logged as its own action with what was
 * there before, which the auditor finds by the action; only by the holding organisation, with a reason, a
 * personnummer checked as at registration, a protected identity's address never written anywhere.
 */
@IntegrationTest
class RectificationIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    RegistryService registry;
    @Autowired
    CurrentActor actors;
    @Autowired
    AuditEntries audit;
    @Autowired
    KaaFixture kaa;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MessageSource messages;

    @Test
    void theAuditorSeesTheValueBeforeTheRectificationAndThePlainUpdateStaysAnUpdate() {
        var coordinator = actors.byUsername("kaa");
        YoungPerson p = registry.register(coordinator, aYoungPerson().named("Rätta", "Felstavadsson").build());

        YoungPerson saved = registry.rectify(coordinator, p.id(), new Rectification(
                Map.of("lastName", "Rättstavadsson"), "Den unge visade pass: efternamnet var felstavat", p.version()));

        assertThat(saved.lastName()).isEqualTo("Rättstavadsson");
        assertThat(saved.version()).isEqualTo(p.version() + 1);
        AuditEntry entry = only(p.id(), AuditAction.RECTIFICATION);
        assertThat(entry.detail()).contains("efternamn: \"Felstavadsson\" -> \"Rättstavadsson\"",
                "Skäl: Den unge visade pass");
        assertThat(audit.count(new AuditQuery(p.id(), null, null, null, AuditAction.UPDATE))).isZero();

        var auditor = WebSession.logIn(port, "granskare");
        String page = auditor.get("/audit?action=RECTIFICATION&personId=" + p.id()).body();
        assertThat(page).contains("Rättelse", "Felstavadsson", "Rättstavadsson");
        assertThat(auditor.get("/audit?action=UPDATE&personId=" + p.id()).body()).doesNotContain("Felstavadsson");
    }

    @Test
    void anotherOrganisationMayNotRectifyAndNothingChanges() {
        YoungPerson p = registry.register(actors.byUsername("kaa"), aYoungPerson().named("Annan", "Orgsson").build());
        var other = kaa.newMunicipality();

        assertThatThrownBy(() -> registry.rectify(other, p.id(), new Rectification(Map.of("lastName", "Ändrad"),
                "Försöker rätta någon annans post", p.version()))).isInstanceOf(AccessDeniedException.class);
        var session = WebSession.logIn(port, other.username(), "ett-langt-losenord");
        var response = session.postForm("/persons/new", "/persons/" + p.id() + "/rectification", Map.of("field",
                "lastName", "value", "Ändrad", "reason", "Försöker rätta någon annans post", "version",
                String.valueOf(p.version())));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(lastName(p.id())).isEqualTo("Orgsson");
        assertThat(audit.count(new AuditQuery(p.id(), null, null, null, AuditAction.RECTIFICATION))).isZero();
    }

    @Test
    void aPersonnummerRectificationIsCheckedAsARegistrationIs() {
        var coordinator = actors.byUsername("kaa");
        YoungPerson p = registry.register(coordinator, aYoungPerson().build());
        YoungPerson other = registry.register(coordinator, aYoungPerson().build());
        String oldPin = p.personalIdentityNumber().value();

        assertThatThrownBy(() -> registry.rectify(coordinator, p.id(), new Rectification(
                Map.of("personalIdentityNumber", "12345"), "Fel nummer i ansökan", p.version())))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).anySatisfy(f -> assertThat(f.field()).isEqualTo("value")));
        assertThatThrownBy(() -> registry.rectify(coordinator, p.id(), new Rectification(
                Map.of("personalIdentityNumber", other.personalIdentityNumber().value()), "Fel nummer i ansökan",
                p.version()))).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .anySatisfy(f -> assertThat(f.messageKey()).isEqualTo("registry.rectification.pinTaken")));

        String newPin = TestNumbers.next();
        YoungPerson saved = registry.rectify(coordinator, p.id(), new Rectification(
                Map.of("personalIdentityNumber", newPin), "Skatteverkets besked: fel nummer registrerat", p.version()));

        assertThat(saved.personalIdentityNumber().value()).isEqualTo(newPin);
        assertThat(saved.identityKind()).isIn(IdentityKind.PERSONNUMMER, IdentityKind.SAMORDNINGSNUMMER);
        assertThat(saved.birthYear()).isEqualTo(Integer.parseInt(newPin.substring(0, 4)));
        assertThat(only(p.id(), AuditAction.RECTIFICATION).detail())
                .contains("personnummer: \"" + oldPin + "\" -> \"" + newPin + "\"");
    }

    @Test
    void aBlankReasonIsRefusedInSwedishNamingTheField() {
        var coordinator = actors.byUsername("kaa");
        YoungPerson p = registry.register(coordinator, aYoungPerson().named("Utan", "Skälsson").build());

        var refused = (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(() -> registry
                .rectify(coordinator, p.id(), new Rectification(Map.of("lastName", "Skälsdotter"), "  ", p.version())));
        assertThat(refused.texts(messages, new java.util.Locale("sv")).get("reason"))
                .startsWith("Ange skälet till rättelsen av efternamn:");

        var session = WebSession.logIn(port, "kaa");
        var post = session.postForm("/persons/" + p.id(), "/persons/" + p.id() + "/rectification", Map.of("field",
                "lastName", "value", "Skälsdotter", "reason", "", "version", String.valueOf(p.version())));
        assertThat(post.statusCode()).isEqualTo(302);
        String page = session.get("/persons/" + p.id()).body();
        assertThat(page).contains("Ange skälet till rättelsen av efternamn:", "id=\"rectification-reason-error\"");
        assertThat(lastName(p.id())).isEqualTo("Skälsson");
        assertThat(audit.count(new AuditQuery(p.id(), null, null, null, AuditAction.RECTIFICATION))).isZero();

        // the page's own form saves it with a reason
        post = session.postForm("/persons/" + p.id(), "/persons/" + p.id() + "/rectification", Map.of("field",
                "lastName", "value", "Skälsdotter", "reason", "Den unge bad om rättelse", "version",
                String.valueOf(p.version())));
        assertThat(post.statusCode()).isEqualTo(302);
        assertThat(lastName(p.id())).isEqualTo("Skälsdotter");
    }

    @Test
    void aProtectedIdentitysAddressIsNeitherRectifiedNorWrittenInTheLog() {
        var coordinator = actors.byUsername("kaa");
        YoungPerson p = registry.register(coordinator, aYoungPerson().named("Skyddad", "Rättelsesson")
                .protectedIdentity().build());

        assertThatThrownBy(() -> registry.rectify(coordinator, p.id(), new Rectification(
                Map.of("street", "Hemliga gatan 1"), "Den unge uppgav ny adress", p.version())))
                .isInstanceOf(InvalidInputException.class);
        YoungPerson saved = registry.rectify(coordinator, p.id(), new Rectification(Map.of("phone", "0701234567"),
                "Den unge uppgav rätt telefonnummer", p.version()));

        assertThat(saved.address()).isNull();
        assertThat(jdbc.sql("SELECT street FROM young_person WHERE id = ?").param(p.id()).query(String.class)
                .optional().orElse(null)).isNull();
        assertThat(audit.search(new AuditQuery(p.id(), null, null, null, null), 100, 0))
                .noneSatisfy(e -> assertThat(String.valueOf(e.detail())).contains("Hemliga gatan"));
        assertThat(only(p.id(), AuditAction.RECTIFICATION).detail()).contains("telefon: \"070-111 22 33\" -> \"0701234567\"");
        String page = WebSession.logIn(port, "kaa").get("/persons/" + p.id()).body();
        assertThat(page).contains("id=\"rectification-form\"").doesNotContain("value=\"street\"");
    }

    private AuditEntry only(UUID person, AuditAction action) {
        var entries = audit.search(new AuditQuery(person, null, null, null, action), 10, 0);
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    private String lastName(UUID id) {
        return jdbc.sql("SELECT last_name FROM young_person WHERE id = ?").param(id).query(String.class).single();
    }
}
