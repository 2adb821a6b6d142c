package se.lots.intervention.catalogue;

import static se.lots.shared.imports.ImportColumn.Definition.optional;
import static se.lots.shared.imports.ImportColumn.Definition.required;

import java.util.List;

import org.springframework.context.MessageSource;

import se.lots.shared.imports.ImportColumn;
import se.lots.shared.imports.ImportColumns;
import se.lots.shared.imports.ImportColumns.ErrorNames;

/**
 * The columns of the catalogue's xlsx file, after the Skellefteå mapping matrix (utförare, insats, målgrupp,
 * ålder, kapacitet, metodik, tid i insats …): one row per intervention. The needs stand between the ages and
 * the eligibility, one column per need named as in the list of needs, "x" where the intervention addresses it.
 * The headers ({@code catalogue.import.header.*} in the message bundle) are Swedish whatever the user's language,
 * as the file is shared between agencies.
 */
enum CatalogueColumn implements ImportColumn {
    ID(optional()), PROVIDER(required()), PARTY(optional()), NAME(required()), KIND(required()),
    TARGET_GROUP(optional()), AGE_MIN(required()), AGE_MAX(required()), ELIGIBILITY(optional()),
    METHOD(optional()), DURATION(optional()), CAPACITY(optional()), OCCUPANCY(optional()), WAITING(optional()),
    COST(optional()), FINANCING(optional()), KAA(optional()), MUNICIPALITIES(required()), VALID_FROM(optional()),
    VALID_TO(optional()), CONTACT(optional()), PHONE(optional()), EMAIL(optional()), DESCRIPTION(optional());

    /** The columns before the needs; the rest follow them. */
    static final List<CatalogueColumn> BEFORE_NEEDS = List.of(ID, PROVIDER, PARTY, NAME, KIND, TARGET_GROUP, AGE_MIN,
            AGE_MAX);
    static final List<CatalogueColumn> AFTER_NEEDS = List.of(ELIGIBILITY, METHOD, DURATION, CAPACITY, OCCUPANCY,
            WAITING, COST, FINANCING, KAA, MUNICIPALITIES, VALID_FROM, VALID_TO, CONTACT, PHONE, EMAIL, DESCRIPTION);

    private final Definition definition;

    CatalogueColumn(Definition definition) {
        this.definition = definition;
    }

    @Override
    public Definition definition() {
        return definition;
    }

    /** The columns with their headers; an error names a column by its header, whatever the file wrote. */
    static ImportColumns<CatalogueColumn> columns(MessageSource messages) {
        return new ImportColumns<>(CatalogueColumn.class, "catalogue.import.header", messages,
                ErrorNames.AS_DOCUMENTED);
    }
}
