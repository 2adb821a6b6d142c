package se.lots.registry.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.organisation.OrganisationId;
import se.lots.organisation.SecrecyDomain;
import se.lots.reference.MunicipalityCode;
import se.lots.registry.Gender;
import se.lots.registry.IdentityKind;
import se.lots.registry.PersonalIdentityNumber;

@Repository
class PersonSummaries {

    private static final String SUMMARY = """
            id, identity_kind, personal_identity_number, reserve_identity, first_name, last_name, birth_year, gender,
            municipality_code, protected_identity, owner_organisation_id""";
    /** Up to this many hits are sorted in memory; more walk the owner index in name order. */
    static final int HITS_CAP = 5000;
    private static final int SHORT_WORD = 2;
    private static final Pattern RESERVE_IDENTITY = Pattern.compile("(?i)RES-\\d+");

    private final JdbcClient jdbc;

    PersonSummaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Persons held by the organisation or shared with it, whose personnummer equals {@code pin} or whose name
     * contains every word (trigram index on search_name; a word like RES-0000042 matches a reserve identity).
     * Anonymous persons have no name and are never found.
     * <p>
     * Hits first: up to {@link #HITS_CAP} + 1 matches in any order, so PostgreSQL can use the trigram index, then
     * sorted and counted in the same statement. Only when there are more does it walk the owner index in name order
     * (index-only, with search_name included), where such common parts quickly fill a page; the total is then
     * reported as {@code HITS_CAP + 1}. docs/benchmarks.md has the measurements and plans.
     */
    SearchPage search(PersonalIdentityNumber pin, List<String> words, OrganisationId organisationId,
            SecrecyDomain domain, Collection<UUID> shared,
            int limit, int offset) {
        int cap = HITS_CAP;
        var params = new ArrayList<Object>();
        String filter = filter(pin, words, organisationId, domain, shared, params);
        var hitsParams = new ArrayList<Object>(params);
        hitsParams.addAll(List.of(cap + 1, limit, offset));
        var total = new long[] { -1 };
        List<PersonSummary> page = jdbc.sql("SELECT " + SUMMARY + ", count(*) OVER () AS total FROM (SELECT "
                + SUMMARY + " FROM young_person WHERE " + filter + " LIMIT ?) hits"
                + " ORDER BY last_name, first_name, id LIMIT ? OFFSET ?")
                .params(hitsParams).query((rs, row) -> {
                    total[0] = rs.getLong("total");
                    return summary(rs, row);
                }).list();
        if (total[0] >= 0 && total[0] <= cap) {
            return new SearchPage(page, total[0]);
        }
        if (total[0] < 0) {
            // no row on this page: either nothing matched, or the page lies past the end of a small result
            return new SearchPage(page, offset == 0 ? 0 : count(filter, params, cap));
        }
        var pageParams = new ArrayList<Object>(params);
        pageParams.addAll(List.of(limit, offset));
        page = jdbc.sql("WITH page AS (SELECT id, last_name, first_name FROM young_person WHERE " + filter
                + " ORDER BY last_name, first_name, id LIMIT ? OFFSET ?)"
                + " SELECT y.* FROM page JOIN young_person y ON y.id = page.id ORDER BY y.last_name, y.first_name, y.id")
                .params(pageParams).query(PersonSummaries::summary).list();
        return new SearchPage(page, cap + 1L);
    }

    private long count(String filter, List<Object> params, int cap) {
        var countParams = new ArrayList<Object>(params);
        countParams.add(cap + 1);
        return jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM young_person WHERE " + filter + " LIMIT ?) capped")
                .params(countParams).query(Long.class).single();
    }

    record SearchPage(List<PersonSummary> persons, long total) {
    }

    private static String filter(PersonalIdentityNumber pin, List<String> words, OrganisationId organisationId,
            SecrecyDomain domain, Collection<UUID> shared, List<Object> params) {
        var sql = new StringBuilder();
        String own;
        if (domain == null) {
            own = "false";
        } else if (domain.wholeOrganisation()) {
            own = "owner_organisation_id = ?";
            params.add(organisationId.value());
        } else {
            // inside an organisation divided into lines of work, the persons the user's nämnd and line hold
            // (consent's published holdings; a person with no holding recorded at all is the whole organisation's)
            own = "(owner_organisation_id = ? AND (NOT EXISTS (SELECT 1 FROM consent_person_holding a"
                    + " WHERE a.person_id = young_person.id AND a.organisation_id = ?)"
                    + " OR EXISTS (SELECT 1 FROM consent_person_holding h WHERE h.person_id = young_person.id"
                    + " AND h.organisation_id = ? AND (h.line_of_work IS NULL"
                    + " OR (h.line_of_work = ? AND h.committee = ?)))))";
            params.addAll(List.of(organisationId.value(), organisationId.value(), organisationId.value(),
                    domain.lineOfWork().name(), domain.committee()));
        }
        if (shared.isEmpty()) {
            sql.append(own);
        } else {
            sql.append("(").append(own).append(" OR id = ANY (?::uuid[]))");
            params.add(shared.toArray(UUID[]::new));
        }
        if (pin != null) {
            sql.append(" AND personal_identity_number = ?");
            params.add(pin.value());
        }
        for (String word : words) {
            if (RESERVE_IDENTITY.matcher(word).matches()) {
                sql.append(" AND reserve_identity = ?");
                params.add(word.toUpperCase(Locale.ROOT));
            } else {
                // pg_trgm cannot index two letters anywhere in a name, but it can at the start of a name; and a
                // person who types "Al" means Ali or Alva, not Michael
                String part = escapeLike(word.toLowerCase(Locale.ROOT));
                if (word.length() <= SHORT_WORD) {
                    sql.append(" AND (search_name LIKE ? OR search_name LIKE ?)");
                    params.add("% " + part + "%");
                    params.add("%-" + part + "%");
                } else {
                    sql.append(" AND search_name LIKE ?");
                    params.add("%" + part + "%");
                }
            }
        }
        return sql.toString();
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static PersonSummary summary(ResultSet rs, int row) throws SQLException {
        String pin = rs.getString("personal_identity_number");
        return new PersonSummary(rs.getObject("id", UUID.class),
                pin != null ? new PersonalIdentityNumber(pin).formatted() : rs.getString("reserve_identity"),
                IdentityKind.valueOf(rs.getString("identity_kind")), rs.getString("first_name"),
                rs.getString("last_name"), rs.getInt("birth_year"), Gender.valueOf(rs.getString("gender")),
                MunicipalityCode.ofNullable(rs.getString("municipality_code")), rs.getBoolean("protected_identity"),
                new OrganisationId(rs.getLong("owner_organisation_id")));
    }
}
