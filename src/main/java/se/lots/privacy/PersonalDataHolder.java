package se.lots.privacy;

import java.util.Set;
import java.util.UUID;

/**
 * A register of personal data kept by one module: each module that holds personal data about a young person
 * provides one bean, read with the module's own SQL over its own tables. The register extract (GDPR art. 15) asks
 * every holder; the schema test ({@code PersonalDataCoverageIntegrationTest}) fails when a table that refers to a
 * person is in no holder's {@link #tables()}.
 */
public interface PersonalDataHolder {

    /**
     * The register's stable code (lower case, e.g. "kaa"); its name for people is the message
     * "privacy.register." + code.
     */
    String register();

    /** Everything this register holds on the person, as groups for reading and as records for the JSON file. */
    PersonalDataSection extract(UUID personId);

    /** The tables of personal data this register covers (the extract reads them, erasure will clear them). */
    Set<String> tables();
}
