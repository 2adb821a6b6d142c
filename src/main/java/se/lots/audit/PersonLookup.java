package se.lots.audit;

import java.util.Optional;
import java.util.UUID;

/**
 * Lets the auditor name a person by personnummer without the audit module reading the registry (which itself
 * writes to the audit log). The registry provides it.
 */
public interface PersonLookup {

    /** The person's id, or empty when the number is not in the registry; throws IllegalArgumentException if malformed. */
    Optional<UUID> idByPersonalIdentityNumber(String personalIdentityNumber);
}
