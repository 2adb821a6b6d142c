package se.lots.audit;

import java.util.UUID;

/** Why a user may touch a person's data: the audit log's "purpose / consent used". */
public record AccessBasis(String purpose, UUID consentId) {

    public static final AccessBasis OWN_ORGANISATION = new AccessBasis("EGEN_ORGANISATION", null);

    public static AccessBasis consent(UUID consentId, String purpose) {
        return new AccessBasis("SAMTYCKE:" + purpose, consentId);
    }

    public static AccessBasis emergency(String reason) {
        return new AccessBasis("NODATKOMST: " + reason, null);
    }

    public static AccessBasis of(String purpose) {
        return new AccessBasis(purpose, null);
    }
}
