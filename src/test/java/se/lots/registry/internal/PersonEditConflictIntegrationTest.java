package se.lots.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.lots.IntegrationTest;
import se.lots.WebSession;
import se.lots.registry.PersonInput;
import se.lots.registry.RegistryService;
import se.lots.registry.YoungPerson;
import se.lots.security.CurrentActor;

/**
 * The person's edit page: the form carries the version it was loaded with; when someone saved in between, nothing is
 * overwritten and the page shows what is saved now next to what the user typed, on the version saved now.
 */
@IntegrationTest
class PersonEditConflictIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    RegistryService registry;
    @Autowired
    YoungPersons persons;
    @Autowired
    CurrentActor actors;

    @Test
    void aSaveAfterSomeoneElsesShowsBothValuesAndSavingAgainKeepsTheUsersChange() {
        YoungPerson person = registry.register(actors.byUsername("kaa"),
                aYoungPerson().named("Sara", "Sparsson").build());
        WebSession browser = WebSession.logIn(port, "kaa");
        String edit = "/persons/" + person.id() + "/edit";
        assertThat(browser.get(edit).body()).contains("name=\"version\" value=\"0\"");

        // a colleague saves first
        var theirs = PersonInput.of(persons.byId(person.id()).orElseThrow());
        registry.update(actors.byUsername("kaa"), person.id(), new PersonInput(false, null, null, null, "Sara",
                "Annansson", theirs.gender(), theirs.municipalityCode(), false, theirs.address(), null, null, null,
                false, theirs.guardian(), 0));

        var conflict = browser.postForm(edit, form(person, "Minsson", "0"));
        assertThat(conflict.statusCode()).isEqualTo(200);
        assertThat(conflict.body()).contains("id=\"person-conflict\"", "Annansson", "Minsson",
                "name=\"version\" value=\"1\"");
        assertThat(persons.byId(person.id()).orElseThrow().lastName()).isEqualTo("Annansson");

        var saved = browser.postForm(edit, form(person, "Minsson", "1"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(persons.byId(person.id()).orElseThrow().lastName()).isEqualTo("Minsson");
    }

    @Test
    void aSaveWithoutAVersionOverwritesNothing() {
        YoungPerson person = registry.register(actors.byUsername("kaa"),
                aYoungPerson().named("Vilma", "Versionslös").build());
        WebSession browser = WebSession.logIn(port, "kaa");

        var response = browser.postForm("/persons/" + person.id() + "/edit", form(person, "Utanversion", null));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("id=\"person-conflict\"");
        assertThat(persons.byId(person.id()).orElseThrow().lastName()).isEqualTo("Versionslös");
    }

    private static Map<String, String> form(YoungPerson person, String lastName, String version) {
        var form = new LinkedHashMap<String, String>();
        form.put("firstName", person.firstName());
        form.put("lastName", lastName);
        form.put("gender", person.gender().name());
        form.put("municipalityCode", person.municipalityCode().value());
        if (version != null) {
            form.put("version", version);
        }
        return form;
    }
}
