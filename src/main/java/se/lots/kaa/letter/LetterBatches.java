package se.lots.kaa.letter;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.organisation.OrganisationId;

@Repository
class LetterBatches {

    private final JdbcClient jdbc;
    // the application's clock, not the database's now(): the demo sends its autumn letter on a day of its year
    private final Clock clock;

    LetterBatches(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** False when a batch with this id was already produced: the second press of "create" on one preview. */
    boolean insert(UUID id, OrganisationId organisationId, LetterTemplate template, int letters, int skipped,
            long userId) {
        return jdbc.sql("""
                INSERT INTO kaa_letter_batch (id, organisation_id, template_id, template_version, letters, skipped,
                                              sent_by, sent_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(id, organisationId.value(), template.id(), template.version(), letters, skipped, userId,
                        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update() == 1;
    }

    /** The latest batches first, with the template's name as it was in the version sent (or as it is now). */
    List<LetterBatch> recent(OrganisationId organisationId, int limit) {
        return jdbc.sql("""
                SELECT b.sent_at, u.display_name, b.template_id, coalesce(v.name, t.name) AS template_name,
                       b.template_version, b.letters, b.skipped
                  FROM kaa_letter_batch b
                  JOIN organisation_staff u ON u.id = b.sent_by
                  JOIN kaa_letter_template t ON t.id = b.template_id
                  LEFT JOIN kaa_letter_template_version v
                         ON v.template_id = b.template_id AND v.version = b.template_version
                 WHERE b.organisation_id = ?
                 ORDER BY b.sent_at DESC LIMIT ?""").params(organisationId.value(), limit)
                .query((rs, n) -> new LetterBatch(rs.getObject("sent_at", OffsetDateTime.class),
                        rs.getString("display_name"), rs.getObject("template_id", UUID.class),
                        rs.getString("template_name"), rs.getInt("template_version"), rs.getInt("letters"),
                        rs.getInt("skipped")))
                .list();
    }
}
