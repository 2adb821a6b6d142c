package se.lots.registry.internal;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.lots.privacy.PersonalDataHolder;
import se.lots.privacy.PersonalDataSection;

/**
 * The registry's part of a register extract: identity and contact details. The guardian is shown as the relation
 * (the guardian's name as registered), not the guardian's own phone and e-mail: those are the guardian's personal
 * data (GDPR art. 15.4), so the extract says only whether they are held. A protected identity has no address stored.
 */
@Component
class RegistryPersonalData implements PersonalDataHolder {

    private final JdbcClient jdbc;

    RegistryPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String register() {
        return "registry";
    }

    @Override
    public Set<String> tables() {
        return Set.of("young_person");
    }

    @Override
    public PersonalDataSection extract(UUID personId) {
        return PersonalDataSection.of(register()).table("young_person", jdbc.sql("""
                SELECT p.first_name, p.last_name, p.personal_identity_number, p.reserve_identity, p.birth_date,
                       p.birth_year, p.gender AS gender_code, m.name AS municipality, p.protected_identity, p.street,
                       p.postal_code, p.city, p.phone, p.email, p.preferred_language, p.interpreter_needed,
                       p.guardian_name AS guardian,
                       (p.guardian_phone IS NOT NULL OR p.guardian_email IS NOT NULL) AS guardian_contact_held,
                       o.name AS organisation, p.created_at, p.updated_at
                  FROM young_person p
                  LEFT JOIN reference_municipality m ON m.code = p.municipality_code
                  LEFT JOIN organisation_directory o ON o.id = p.owner_organisation_id
                 WHERE p.id = ?""").param(personId).query().listOfRows(), Map.of("gender_code", "gender.")).build();
    }
}
