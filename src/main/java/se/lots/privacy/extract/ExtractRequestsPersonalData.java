package se.lots.privacy.extract;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.lots.privacy.PersonalDataHolder;
import se.lots.privacy.PersonalDataSection;

/**
 * The privacy module's own register: the person's requests for register extracts and their review (not the content
 * of earlier extracts, which is what the other registers held then).
 */
@Component
class ExtractRequestsPersonalData implements PersonalDataHolder {

    private final JdbcClient jdbc;

    ExtractRequestsPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String register() {
        return "privacy";
    }

    @Override
    public Set<String> tables() {
        return Set.of("privacy_extract_request", "privacy_extract_review");
    }

    @Override
    public PersonalDataSection extract(UUID personId) {
        return PersonalDataSection.of(register()).table("privacy_extract_request", jdbc.sql("""
                SELECT r.received_on::text AS heading, o.name AS organisation, r.received_on,
                       r.requested_by AS requested_by_code, r.requester_name, r.identity_check AS identity_check_code,
                       r.status AS status_code, r.deadline, r.extended_to, r.extension_reason, r.refusal_reason,
                       r.handover AS handover_code, r.handed_over_at
                  FROM privacy_extract_request r LEFT JOIN organisation_directory o ON o.id = r.organisation_id
                 WHERE r.person_id = ? ORDER BY r.received_on, r.created_at""").param(personId).query().listOfRows(),
                        Map.of("requested_by_code", "privacy.requester.", "identity_check_code", "privacy.identity.",
                                "status_code", "privacy.status.", "handover_code", "privacy.handover."))
                .table("privacy_extract_review", jdbc.sql("""
                SELECT r.received_on::text AS heading, v.register AS register_code, v.disclose, v.withheld_reason
                  FROM privacy_extract_review v JOIN privacy_extract_request r ON r.id = v.request_id
                 WHERE r.person_id = ? ORDER BY r.received_on, v.register""").param(personId).query().listOfRows(),
                        Map.of("register_code", "privacy.register."))
                .build();
    }
}
