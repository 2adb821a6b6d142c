package se.lots.intervention.catalogue;

import java.util.List;
import java.util.Optional;

import se.lots.shared.TabularFile;

/**
 * The columns of the catalogue's xlsx file, after the Skellefteå mapping matrix (utförare, insats, målgrupp,
 * ålder, kapacitet, metodik, tid i insats …): one row per intervention. The needs stand between the ages and
 * the eligibility, one column per need named as in the list of needs, "x" where the intervention addresses it.
 * The headers are Swedish whatever the user's language, as the file is shared between agencies.
 */
enum CatalogueColumn {
    ID("Id", false), PROVIDER("Utförare", true), PARTY("Part", false), NAME("Insats", true), KIND("Typ", true),
    TARGET_GROUP("Målgrupp", false), AGE_MIN("Ålder från", true), AGE_MAX("Ålder till", true),
    ELIGIBILITY("Behörighet", false), METHOD("Metod", false), DURATION("Tid i insats (veckor)", false),
    CAPACITY("Kapacitet (platser)", false), OCCUPANCY("Beläggning", false), WAITING("Väntetid (dagar)", false),
    COST("Kostnad", false), FINANCING("Finansiering", false), KAA("KAA-åtgärd", false),
    MUNICIPALITIES("Kommuner", true), VALID_FROM("Giltig från", false), VALID_TO("Giltig till", false),
    CONTACT("Kontaktperson", false), PHONE("Telefon", false), EMAIL("E-post", false),
    DESCRIPTION("Beskrivning", false);

    /** The columns before the needs; the rest follow them. */
    static final List<CatalogueColumn> BEFORE_NEEDS = List.of(ID, PROVIDER, PARTY, NAME, KIND, TARGET_GROUP, AGE_MIN,
            AGE_MAX);
    static final List<CatalogueColumn> AFTER_NEEDS = List.of(ELIGIBILITY, METHOD, DURATION, CAPACITY, OCCUPANCY,
            WAITING, COST, FINANCING, KAA, MUNICIPALITIES, VALID_FROM, VALID_TO, CONTACT, PHONE, EMAIL, DESCRIPTION);

    final String header;
    final boolean required;

    CatalogueColumn(String header, boolean required) {
        this.header = header;
        this.required = required;
    }

    static Optional<CatalogueColumn> byHeader(String header) {
        String h = TabularFile.normalisedHeader(header);
        for (CatalogueColumn c : values()) {
            if (TabularFile.normalisedHeader(c.header).equals(h)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
