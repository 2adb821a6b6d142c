package se.lots.audit.internal;

import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.lots.privacy.PersonalDataHolder;
import se.lots.privacy.PersonalDataSection;

/**
 * The audit log's part of a register extract: who read or changed the person's record and when. Staff are other
 * people whose own data the young person has no right to (GDPR art. 15.4), so they are shown by organisation and
 * role, never by name or login; a job of Lots itself is shown as such. The entry's detail is left out: a search's
 * detail is what the user typed, which may name others.
 */
@Component
class AuditPersonalData implements PersonalDataHolder {

    private final JdbcClient jdbc;

    AuditPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String register() {
        return "audit";
    }

    @Override
    public Set<String> tables() {
        return Set.of("audit_entry", "audit_person_key");
    }

    @Override
    public PersonalDataSection extract(UUID personId) {
        return PersonalDataSection.of(register()).table("audit_entry", jdbc.sql("""
                SELECT to_char(a.at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') AS heading, a.at,
                       a.action AS action_code, o.name AS organisation, a.role,
                       a.username LIKE 'system:%' AS by_system, a.purpose
                  FROM audit_entry a
                  LEFT JOIN organisation_directory o ON o.id = a.organisation_id
                 WHERE a.person_id = ?
                 ORDER BY a.id""").param(personId).query().listOfRows(),
                        java.util.Map.of("action_code", "audit.action.")).build();
    }
}
