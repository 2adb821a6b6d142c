package se.lots.kaa;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class LetterBatches {

    private final JdbcClient jdbc;

    LetterBatches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when a batch with this id was already produced: the second press of "create" on one preview. */
    boolean insert(UUID id, long organisationId, LetterTemplate template, int letters, int skipped, long userId) {
        return jdbc.sql("""
                INSERT INTO kaa_letter_batch (id, organisation_id, template_id, template_version, letters, skipped,
                                              sent_by)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(id, organisationId, template.id(), template.version(), letters, skipped, userId)
                .update() == 1;
    }
}
