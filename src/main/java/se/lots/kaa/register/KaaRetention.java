package se.lots.kaa.register;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import se.lots.organisation.OrganisationId;
import se.lots.privacy.ArchiveSink;
import se.lots.privacy.DueRows;
import se.lots.privacy.PersonalDataEraser;
import se.lots.privacy.RetentionCount;
import se.lots.privacy.RetentionEvent;
import se.lots.privacy.RetentionRule;

/**
 * Gallring of the KAA register (rule kind "EPISODE", counted from the episode's close): a person is due in a
 * municipality when none of their episodes there is open and the last thing the municipality's register recorded
 * about them fell before the rule's period began: the last episode's close, and the last of their school signals
 * (counted from the end of the period the signal reports, {@code school_signal.period_end}: the absence it is about,
 * not the day a file was imported or corrected again), contact attempts ({@code contacted_on}), statuses
 * ({@code ascertained_on}) and placements (their end, or their start while no end is recorded). So a person the
 * school reported (kaa.earlywarning) who never had an episode in the municipality is due once their last signal and
 * contact are older than the period, and a signal or contact newer than an old episode's close keeps the person until
 * it is old too. Measures, home visits and moves hang on an episode and go with it. Then everything the
 * municipality's register holds on them goes: the episodes with their statuses, contacts (letters are contacts), home
 * visits, measures, the school's signals, placements and the moves out of the municipality. A move into the
 * municipality is the old municipality's record: it stays, without its link to the removed episode. Other
 * municipalities' records of the same person are not touched. The import files (kaa_import, school_signal_import) are
 * not removed here (see docs/privacy.md, "Gallring").
 */
@Component
class KaaRetention implements PersonalDataEraser {

    static final String EPISODE = "EPISODE";

    /** The register's tables (every one names the person) in the order the removal goes ({@link #rows}). */
    private static final List<String> TABLES = List.of("home_visit", "kaa_measure", "kaa_move", "kaa_placement",
            "school_signal", "contact_attempt", "kaa_status", "kaa_episode");

    private final JdbcClient jdbc;

    KaaRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String register() {
        return "kaa";
    }

    @Override
    public Set<String> recordKinds() {
        return Set.of(EPISODE);
    }

    @Override
    @Transactional(readOnly = true)
    public RetentionCount countDue(OrganisationId organisation, RetentionRule rule, LocalDate today) {
        return rows(organisation, due(organisation, rule, today)).count();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public RetentionCount removeDue(OrganisationId organisation, RetentionRule rule, LocalDate today) {
        return remove(organisation, due(organisation, rule, today));
    }

    @Override
    @Transactional(readOnly = true)
    public void archiveDue(OrganisationId organisation, RetentionRule rule, LocalDate today, ArchiveSink sink) {
        rows(organisation, due(organisation, rule, today)).archive(sink);
    }

    @Override
    @Transactional(readOnly = true)
    public Set<UUID> stillHeld(Collection<UUID> persons) {
        // every KAA table names the person (home_visit too, beside its episode), in any municipality
        String union = String.join(" UNION ", TABLES.stream()
                .map(t -> "SELECT person_id FROM " + t + " WHERE person_id = ANY(?::uuid[])").toList());
        UUID[] ids = persons.toArray(UUID[]::new);
        return new HashSet<>(jdbc.sql(union).params((Object[]) java.util.Collections.nCopies(TABLES.size(), ids)
                .toArray()).query(UUID.class).list());
    }

    @Override
    @Transactional(readOnly = true)
    public RetentionCount countPerson(OrganisationId organisation, UUID personId) {
        return rows(organisation, person(organisation, personId)).count();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public RetentionCount erasePerson(OrganisationId organisation, UUID personId) {
        return remove(organisation, person(organisation, personId));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> mustKeep(OrganisationId organisation, UUID personId) {
        boolean open = jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM kaa_episode
                                WHERE organisation_id = ? AND person_id = ? AND exited_on IS NULL)""")
                .params(organisation.value(), personId).query(Boolean.class).single();
        return open ? Optional.of("privacy.keep.kaa.openEpisode") : Optional.empty();
    }

    private RetentionCount remove(OrganisationId organisation, Due due) {
        if (due.persons.length > 0) {
            // a move into this municipality is the old one's record: it keeps the move, not the link to our episode
            jdbc.sql("UPDATE kaa_move SET opened_episode_id = NULL WHERE opened_episode_id = ANY(?::uuid[])")
                    .param(due.episodes).update();
        }
        return rows(organisation, due).remove();
    }

    /** The due persons of the organisation and their episodes there. */
    private record Due(UUID[] persons, UUID[] episodes) {
    }

    private Due due(OrganisationId organisation, RetentionRule rule, LocalDate today) {
        if (!rule.register().equals(register()) || !rule.recordKind().equals(EPISODE)
                || rule.countedFrom() != RetentionEvent.EPISODE_CLOSED) {
            throw new IllegalArgumentException("not a rule of the KAA register's closed episodes: " + rule);
        }
        // every record the municipality's register holds on a person, by the day it counts from (an open episode
        // never runs out); a person is due when the latest of them fell before the period
        UUID[] persons = jdbc.sql("""
                SELECT person_id
                  FROM (SELECT person_id, coalesce(exited_on, 'infinity'::date) AS counted_from
                          FROM kaa_episode WHERE organisation_id = :org
                        UNION ALL
                        SELECT person_id, period_end FROM school_signal WHERE organisation_id = :org
                        UNION ALL
                        SELECT person_id, contacted_on FROM contact_attempt WHERE organisation_id = :org
                        UNION ALL
                        SELECT person_id, ascertained_on FROM kaa_status WHERE organisation_id = :org
                        UNION ALL
                        SELECT person_id, coalesce(to_on, from_on) FROM kaa_placement WHERE organisation_id = :org
                       ) AS held
                 GROUP BY person_id
                HAVING max(counted_from) < :keptFrom""")
                .param("org", organisation.value()).param("keptFrom", rule.keptFrom(today)).query(UUID.class).list()
                .toArray(UUID[]::new);
        return withEpisodes(organisation, persons);
    }

    /** One person, for an erasure: everything the organisation's register holds on them. */
    private Due person(OrganisationId organisation, UUID personId) {
        boolean held = TABLES.stream().filter(t -> !t.equals("home_visit") && !t.equals("kaa_move"))
                .anyMatch(t -> jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + t + " WHERE organisation_id = ? AND person_id = ?)")
                        .params(organisation.value(), personId).query(Boolean.class).single());
        return withEpisodes(organisation, held ? new UUID[] { personId } : new UUID[0]);
    }

    private Due withEpisodes(OrganisationId organisation, UUID[] persons) {
        UUID[] episodes = persons.length == 0 ? new UUID[0] : jdbc.sql("""
                SELECT id FROM kaa_episode WHERE organisation_id = ? AND person_id = ANY(?::uuid[])""")
                .params(organisation.value(), persons).query(UUID.class).list().toArray(UUID[]::new);
        return new Due(persons, episodes);
    }

    /** The due rows, table by table in the order the removal goes: children before parents. */
    private DueRows rows(OrganisationId organisation, Due due) {
        long org = organisation.value();
        return DueRows.of(jdbc, register(), due.persons)
                .from("FROM home_visit WHERE episode_id = ANY(?::uuid[])", due.episodes)
                .from("FROM kaa_measure WHERE organisation_id = ? AND person_id = ANY(?::uuid[])", org, due.persons)
                .from("FROM kaa_move WHERE closed_episode_id = ANY(?::uuid[])", due.episodes)
                .from("FROM kaa_placement WHERE organisation_id = ? AND person_id = ANY(?::uuid[])", org, due.persons)
                .from("FROM school_signal WHERE organisation_id = ? AND person_id = ANY(?::uuid[])", org, due.persons)
                .from("FROM contact_attempt WHERE organisation_id = ? AND person_id = ANY(?::uuid[])", org,
                        due.persons)
                .from("FROM kaa_status WHERE organisation_id = ? AND person_id = ANY(?::uuid[])", org, due.persons)
                .from("FROM kaa_episode WHERE organisation_id = ? AND person_id = ANY(?::uuid[])", org, due.persons);
    }
}
