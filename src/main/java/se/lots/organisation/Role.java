package se.lots.organisation;

import java.util.EnumSet;
import java.util.Set;

public enum Role {
    ADMIN, KAA_COORDINATOR, CASE_WORKER, PROGRAMME_LEAD, FEDERATION_OFFICER, ANALYST, AUDITOR;

    // least privilege: only those who work with the young person read personal data
    private static final Set<Role> PERSON_DATA = EnumSet.of(KAA_COORDINATOR, CASE_WORKER, PROGRAMME_LEAD);

    public boolean readsPersonalData() {
        return PERSON_DATA.contains(this);
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
