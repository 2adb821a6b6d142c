package se.lots.kaa.letter;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.organisation.OrganisationId;

/**
 * Who a letter goes to: the chosen episodes of one municipality with name and postal address. A read model like the
 * worklist: it joins registry_person. The address of a person with protected identity is never stored; it is
 * also never selected here, so that no later change to the registry can put it on a letter.
 */
@Repository
class LetterRecipients {

    /** A chosen person as the letter batch sees them; the address fields are null when unknown or protected. */
    record Candidate(UUID episodeId, UUID personId, String firstName, String lastName, boolean inRegister,
            boolean protectedIdentity, String street, String postalCode, String city) {

        String name() {
            return firstName + " " + lastName;
        }

        boolean hasAddress() {
            return present(street) && present(postalCode) && present(city);
        }

        private static boolean present(String s) {
            return s != null && !s.isBlank();
        }
    }

    private final JdbcClient jdbc;

    LetterRecipients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The episodes among {@code episodeIds} that belong to the organisation, by name. */
    List<Candidate> of(OrganisationId organisationId, Collection<UUID> episodeIds) {
        return jdbc.sql("""
                SELECT e.id AS episode_id, e.person_id, e.exited_on IS NULL AS in_register,
                       y.first_name, y.last_name, y.protected_identity,
                       -- the address another organisation holds (a person who moved here) is not this
                       -- register's to use without consent (docs/kaa.md, "Flytt och placering")
                       CASE WHEN y.protected_identity OR y.owner_organisation_id <> e.organisation_id THEN NULL
                            ELSE y.street END AS street,
                       CASE WHEN y.protected_identity OR y.owner_organisation_id <> e.organisation_id THEN NULL
                            ELSE y.postal_code END AS postal_code,
                       CASE WHEN y.protected_identity OR y.owner_organisation_id <> e.organisation_id THEN NULL
                            ELSE y.city END AS city
                  FROM kaa_episode e JOIN registry_person y ON y.id = e.person_id
                 WHERE e.organisation_id = ? AND e.id = ANY(?::uuid[])
                 ORDER BY y.last_name, y.first_name, e.id""")
                .params(organisationId.value(), episodeIds.toArray(UUID[]::new))
                .query((rs, n) -> new Candidate(rs.getObject("episode_id", UUID.class),
                        rs.getObject("person_id", UUID.class), rs.getString("first_name"), rs.getString("last_name"),
                        rs.getBoolean("in_register"), rs.getBoolean("protected_identity"), rs.getString("street"),
                        rs.getString("postal_code"), rs.getString("city")))
                .list();
    }
}
