package se.lots.kaa.register;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.lots.audit.AccessBasis;
import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.kaa.ExitReason;
import se.lots.organisation.OrganisationId;
import se.lots.registry.PersonalIdentityNumber;

/**
 * skollagen 29 kap. 9 §: the activity responsibility ends when the young person turns 20. Every night (and at start,
 * to catch up after a stop) the open episodes of everyone who has turned 20 are closed with exit reason FYLLT_20 on
 * the twentieth birthday itself, computed from the personnummer as {@link KaaTargetGroupPolicy} does. Closing the
 * same day twice changes nothing, so several application nodes may run it.
 */
@Component
public class TwentiethBirthdays {

    static final String SYSTEM_USER = "system:kaa-fyllt-20";
    private static final Logger log = LoggerFactory.getLogger(TwentiethBirthdays.class);

    private final JdbcClient jdbc;
    private final KaaEpisodes episodes;
    private final AuditLog audit;
    private final Clock clock;

    TwentiethBirthdays(JdbcClient jdbc, KaaEpisodes episodes, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.episodes = episodes;
        this.audit = audit;
        this.clock = clock;
    }

    /** An open episode of someone whose twentieth birthday falls on or before a day, or in a month. */
    record Candidate(UUID episodeId, UUID personId, OrganisationId organisationId, int version, LocalDate registeredOn,
            LocalDate twentiethBirthday) {
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(cron = "${lots.kaa.close-at-twenty-cron:0 5 0 * * *}", zone = "Europe/Stockholm")
    public void closeToday() {
        int closed = closeAll(LocalDate.now(clock));
        if (closed > 0) {
            log.info("KAA: {} episodes closed because the young person turned 20", closed);
        }
    }

    /** Closes every open episode whose twentieth birthday is on or before {@code today}; returns how many. */
    @Transactional
    public int closeAll(LocalDate today) {
        return close(openEpisodesTurning20Before(null, today.plusDays(1)));
    }

    /** As {@link #closeAll}, in one organisation's register only. */
    @Transactional
    int closeAll(OrganisationId organisationId, LocalDate today) {
        return close(openEpisodesTurning20Before(organisationId, today.plusDays(1)));
    }

    private int close(List<Candidate> due) {
        Map<OrganisationId, List<UUID>> closedPerOrganisation = new HashMap<>();
        for (Candidate c : due) {
            LocalDate exit = c.twentiethBirthday().isBefore(c.registeredOn()) ? c.registeredOn() : c.twentiethBirthday();
            // an episode changed meanwhile by a user is closed on the next run
            if (episodes.close(c.episodeId(), c.version(), exit, ExitReason.FYLLT_20)) {
                closedPerOrganisation.computeIfAbsent(c.organisationId(), k -> new ArrayList<>()).add(c.personId());
            }
        }
        closedPerOrganisation.forEach((organisationId, persons) -> audit.recordEachBySystem(SYSTEM_USER,
                organisationId, persons, AuditAction.UPDATE, AccessBasis.of(KaaAccess.PURPOSE),
                "KAA-episod avslutad: fyllt 20"));
        return closedPerOrganisation.values().stream().mapToInt(List::size).sum();
    }

    /** Someone who leaves the register in a month: still open until the birthday, or already closed. */
    public record Leaving(UUID personId, String identity, String name, LocalDate twentiethBirthday, boolean closed,
            KaaStatus status, String assignee) {
    }

    /**
     * Who leaves one organisation's register by age in {@code month}: the open episodes whose twentieth birthday
     * falls in it and those already closed for that reason in it, by birthday and name.
     */
    List<Leaving> leavingIn(OrganisationId organisationId, YearMonth month) {
        var open = candidates("e.organisation_id = ?", organisationId, month.atEndOfMonth().plusDays(1)).stream()
                .filter(c -> YearMonth.from(c.twentiethBirthday()).equals(month)).toList();
        Map<UUID, LocalDate> birthdays = new HashMap<>();
        open.forEach(c -> birthdays.put(c.episodeId(), c.twentiethBirthday()));
        return jdbc.sql("""
                SELECT e.id, e.person_id, e.exited_on, e.exit_reason, y.first_name, y.last_name,
                       y.personal_identity_number, y.reserve_identity, u.display_name AS assignee,
                       (SELECT s.status FROM kaa_status s WHERE s.organisation_id = e.organisation_id
                           AND s.person_id = e.person_id ORDER BY s.ascertained_on DESC, s.recorded_at DESC LIMIT 1)
                           AS status
                  FROM kaa_episode e JOIN registry_person y ON y.id = e.person_id
                  LEFT JOIN organisation_staff u ON u.id = e.assigned_to
                 WHERE e.organisation_id = ?
                   AND (e.id = ANY(?::uuid[])
                        OR e.exit_reason = 'FYLLT_20' AND e.exited_on BETWEEN ? AND ?)""")
                .params(organisationId.value(), birthdays.keySet().toArray(UUID[]::new), month.atDay(1),
                        month.atEndOfMonth())
                .query((rs, n) -> {
                    String pin = rs.getString("personal_identity_number");
                    String status = rs.getString("status");
                    LocalDate exited = rs.getObject("exited_on", LocalDate.class);
                    return new Leaving(rs.getObject("person_id", UUID.class),
                            pin != null ? new PersonalIdentityNumber(pin).formatted() : rs.getString("reserve_identity"),
                            rs.getString("first_name") + " " + rs.getString("last_name"),
                            exited != null ? exited : birthdays.get(rs.getObject("id", UUID.class)), exited != null,
                            status == null ? null : KaaStatus.valueOf(status), rs.getString("assignee"));
                })
                .list().stream()
                .sorted(java.util.Comparator.comparing(Leaving::twentiethBirthday).thenComparing(Leaving::name))
                .toList();
    }

    private List<Candidate> openEpisodesTurning20Before(OrganisationId organisationId, LocalDate before) {
        return candidates(organisationId == null ? "true" : "e.organisation_id = ?", organisationId, before).stream()
                .filter(c -> c.twentiethBirthday().isBefore(before)).toList();
    }

    // The SQL bound is coarse (the latest possible birth date, 20 years back); the exact day is the policy's, in Java.
    private List<Candidate> candidates(String where, OrganisationId organisationId, LocalDate before) {
        var params = new ArrayList<Object>();
        if (organisationId != null) {
            params.add(organisationId.value());
        }
        params.add(before.minusYears(20).plusDays(1));
        return jdbc.sql("""
                SELECT e.id, e.person_id, e.organisation_id, e.version, e.registered_on, y.personal_identity_number,
                       y.birth_date, y.birth_year
                  FROM kaa_episode e JOIN registry_person y ON y.id = e.person_id
                 WHERE e.exited_on IS NULL AND %s
                   AND coalesce(y.birth_date, make_date(y.birth_year, 1, 1)) <= ?
                 ORDER BY e.organisation_id, e.id""".formatted(where))
                .params(params)
                .query((rs, n) -> new Candidate(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                        new OrganisationId(rs.getLong("organisation_id")), rs.getInt("version"),
                        rs.getObject("registered_on", LocalDate.class),
                        KaaTargetGroupPolicy.twentiethBirthday(latestBirthDate(rs.getString("personal_identity_number"),
                                rs.getObject("birth_date", LocalDate.class), rs.getInt("birth_year")))))
                .list().stream().sorted(java.util.Comparator.comparing(Candidate::twentiethBirthday)).toList();
    }

    private static LocalDate latestBirthDate(String pin, LocalDate birthDate, int birthYear) {
        if (pin != null) {
            return new PersonalIdentityNumber(pin).latestPossibleBirthDate();
        }
        return birthDate != null ? birthDate : LocalDate.of(birthYear, 12, 31);
    }
}
