package se.lots.consent.internal;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.lots.privacy.PersonalDataHolder;
import se.lots.privacy.PersonalDataSection;

/**
 * Consent's part of a register extract: the consents the young person gave (from which organisation to which, for
 * what, how long) and the emergency accesses to their record (when, why, until when; the staff member by
 * organisation and role only, as in the audit log).
 */
@Component
class ConsentPersonalData implements PersonalDataHolder {

    private final JdbcClient jdbc;

    ConsentPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String register() {
        return "consent";
    }

    @Override
    public Set<String> tables() {
        return Set.of("consent", "emergency_access", "person_holding", "line_disclosure");
    }

    @Override
    public PersonalDataSection extract(UUID personId) {
        return PersonalDataSection.of(register()).table("consent", jdbc.sql("""
                SELECT c.valid_from::text AS heading, f.name AS from_organisation, t.name AS to_organisation,
                       c.purpose AS purpose_code, c.scope, c.given_how AS given_how_code, c.valid_from, c.valid_to,
                       c.withdrawn_at, c.recorded_at
                  FROM consent c
                  LEFT JOIN organisation_directory f ON f.id = c.from_organisation_id
                  LEFT JOIN organisation_directory t ON t.id = c.to_organisation_id
                 WHERE c.person_id = ?
                 ORDER BY c.valid_from, c.recorded_at""").param(personId).query().listOfRows(),
                        Map.of("purpose_code", "consent.purpose.", "given_how_code", "consent.givenHow."))
                .table("emergency_access", jdbc.sql("""
                SELECT to_char(e.granted_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') AS heading,
                       o.name AS organisation, s.role, e.reason, e.granted_at, e.expires_at
                  FROM emergency_access e
                  LEFT JOIN organisation_staff s ON s.id = e.user_id
                  LEFT JOIN organisation_directory o ON o.id = s.organisation_id
                 WHERE e.person_id = ?
                 ORDER BY e.granted_at""").param(personId).query().listOfRows())
                .table("person_holding", jdbc.sql("""
                SELECT to_char(h.since AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD') AS heading,
                       o.name AS organisation, h.committee, h.line_of_work AS line_of_work_code, h.since
                  FROM person_holding h LEFT JOIN organisation_directory o ON o.id = h.organisation_id
                 WHERE h.person_id = ?
                 ORDER BY h.since""").param(personId).query().listOfRows(),
                        Map.of("line_of_work_code", "lineOfWork."))
                .table("line_disclosure", jdbc.sql("""
                SELECT d.valid_from::text AS heading, o.name AS organisation, d.from_committee,
                       d.from_line_of_work AS from_line_of_work_code, d.to_committee,
                       d.to_line_of_work AS to_line_of_work_code, d.provision AS provision_code, d.reason,
                       d.valid_from, d.valid_to, d.withdrawn_at
                  FROM line_disclosure d LEFT JOIN organisation_directory o ON o.id = d.organisation_id
                 WHERE d.person_id = ?
                 ORDER BY d.valid_from""").param(personId).query().listOfRows(),
                        Map.of("from_line_of_work_code", "lineOfWork.", "to_line_of_work_code", "lineOfWork.",
                                "provision_code", "consent.provision.")).build();
    }
}
