package se.lots.consent.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.organisation.OrganisationId;
import se.lots.organisation.SecrecyDomain;

/**
 * Which lines of work (and nämnder) of an organisation hold a young person's record (person_holding, read through
 * consent_person_holding). A person of whom the organisation has recorded no holding at all is held by the whole
 * organisation, so that nothing written before holdings were recorded is lost.
 */
@Repository
public class Holdings {

    /** The domain holds the person: a holding of its own nämnd and line, of the whole organisation, or none at all. */
    static final String HELD_BY_DOMAIN = """
            (NOT EXISTS (SELECT 1 FROM consent_person_holding a
                          WHERE a.person_id = %1$s AND a.organisation_id = :org)
             OR EXISTS (SELECT 1 FROM consent_person_holding h
                         WHERE h.person_id = %1$s AND h.organisation_id = :org
                           AND (h.line_of_work IS NULL OR (h.line_of_work = :line AND h.committee = :committee))))""";

    private final JdbcClient jdbc;

    Holdings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records that the user's nämnd and line of work hold these persons; in an organisation not divided into lines,
     * the user's unit (whose line the holding takes when it gets one).
     */
    public void record(long userId, SecrecyDomain domain, Collection<UUID> personIds) {
        if (personIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO person_holding (person_id, organisation_id, unit_id, committee, line_of_work, recorded_by)
                SELECT p, :org, CASE WHEN :line::text IS NULL THEN s.unit_id END, :committee, :line, s.id
                  FROM unnest(:persons::uuid[]) p LEFT JOIN organisation_staff s ON s.id = :user
                ON CONFLICT DO NOTHING""")
                .param("org", domain.organisationId().value()).param("committee", domain.committee())
                .param("line", domain.wholeOrganisation() ? null : domain.lineOfWork().name())
                .param("persons", personIds.toArray(UUID[]::new)).param("user", userId).update();
    }

    /** Removes every holding of these persons, in every organisation (the persons are being forgotten). */
    public int forget(Collection<UUID> personIds) {
        return jdbc.sql("DELETE FROM person_holding WHERE person_id = ANY(?::uuid[])")
                .param(personIds.toArray(UUID[]::new)).update();
    }

    public boolean holds(UUID personId, SecrecyDomain domain) {
        return !held(List.of(personId), domain).isEmpty();
    }

    /** Of these persons, those the domain holds (see {@link #HELD_BY_DOMAIN}). */
    public Set<UUID> held(Collection<UUID> personIds, SecrecyDomain domain) {
        if (personIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT p FROM unnest(:persons::uuid[]) p WHERE " + HELD_BY_DOMAIN.formatted("p"))
                .param("persons", personIds.toArray(UUID[]::new)).param("org", domain.organisationId().value())
                .param("line", domain.lineOfWork().name()).param("committee", domain.committee())
                .query(UUID.class).list());
    }

    /** The holders of a person in an organisation, for display: "Socialnämnden, Socialtjänst"; null line is all. */
    public List<Holder> holders(UUID personId, OrganisationId organisationId) {
        return jdbc.sql("""
                SELECT DISTINCT committee, line_of_work FROM consent_person_holding
                 WHERE person_id = ? AND organisation_id = ? ORDER BY line_of_work, committee""")
                .params(personId, organisationId.value()).query(Holder.class).list();
    }

    public record Holder(String committee, String lineOfWork) {
    }
}
