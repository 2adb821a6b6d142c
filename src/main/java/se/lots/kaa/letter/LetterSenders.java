package se.lots.kaa.letter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.organisation.OrganisationId;

@Repository
class LetterSenders {

    private final JdbcClient jdbc;

    LetterSenders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    LetterSender of(OrganisationId organisationId) {
        return jdbc.sql("SELECT return_address, phone FROM kaa_letter_sender WHERE organisation_id = ?")
                .param(organisationId.value())
                .query((rs, n) -> new LetterSender(rs.getString("return_address"), rs.getString("phone")))
                .optional().orElse(LetterSender.NONE);
    }

    void save(OrganisationId organisationId, LetterSender sender, long userId) {
        jdbc.sql("""
                INSERT INTO kaa_letter_sender (organisation_id, return_address, phone, updated_by) VALUES (?, ?, ?, ?)
                ON CONFLICT (organisation_id) DO UPDATE SET return_address = excluded.return_address,
                       phone = excluded.phone, updated_at = now(), updated_by = excluded.updated_by""")
                .params(organisationId.value(), sender.returnAddress(), sender.phone(), userId).update();
    }
}
