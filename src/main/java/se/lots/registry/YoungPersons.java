package se.lots.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class YoungPersons {

    private static final String COLUMNS = """
            id, identity_kind, personal_identity_number, reserve_identity, first_name, last_name, birth_date,
            birth_year, gender, municipality_code, protected_identity, street, postal_code, city, phone, email,
            preferred_language, interpreter_needed, guardian_name, guardian_phone, guardian_email,
            owner_organisation_id, created_at, updated_at, version""";

    private static final String SUMMARY = """
            id, identity_kind, personal_identity_number, reserve_identity, first_name, last_name, birth_year, gender,
            municipality_code, protected_identity, owner_organisation_id""";
    /** Up to this many hits are sorted in memory; more walk the owner index in name order. */
    static final int HITS_CAP = 5000;
    private static final int SHORT_WORD = 2;
    private static final Pattern RESERVE_IDENTITY = Pattern.compile("(?i)RES-\\d+");

    private final JdbcClient jdbc;

    private static final int BATCH = 1000;

    private final JdbcTemplate jdbcTemplate;

    YoungPersons(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    Optional<YoungPerson> byId(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM young_person WHERE id = ?").param(id)
                .query(YoungPersons::person).optional();
    }

    List<YoungPerson> byIds(Collection<UUID> ids) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM young_person WHERE id = ANY (?)")
                .param(ids.toArray(UUID[]::new)).query(YoungPersons::person).list();
    }

    Optional<UUID> idByPersonalIdentityNumber(PersonalIdentityNumber pin) {
        return jdbc.sql("SELECT id FROM young_person WHERE personal_identity_number = ?").param(pin.value())
                .query(UUID.class).optional();
    }

    List<YoungPerson> byPersonalIdentityNumbers(Collection<String> pins) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM young_person WHERE personal_identity_number = ANY (?)")
                .param(pins.toArray(String[]::new)).query(YoungPersons::person).list();
    }

    List<YoungPerson> byReserveIdentities(Collection<String> reserveIdentities) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM young_person WHERE reserve_identity = ANY (?)")
                .param(reserveIdentities.toArray(String[]::new)).query(YoungPersons::person).list();
    }

    Optional<Long> owner(UUID id) {
        return jdbc.sql("SELECT owner_organisation_id FROM young_person WHERE id = ?").param(id)
                .query(Long.class).optional();
    }

    String nextReserveIdentity() {
        long n = jdbc.sql("SELECT nextval('reserve_identity_seq')").query(Long.class).single();
        return String.format(Locale.ROOT, "RES-%07d", n);
    }

    UUID insert(YoungPerson p, long userId) {
        return jdbc.sql("""
                INSERT INTO young_person (identity_kind, personal_identity_number, reserve_identity, first_name,
                    last_name, birth_date, birth_year, gender, municipality_code, protected_identity, street,
                    postal_code, city, phone, email, preferred_language, interpreter_needed, guardian_name,
                    guardian_phone, guardian_email, owner_organisation_id, created_by, updated_by, search_name)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(values(p, userId, userId)).query(UUID.class).single();
    }

    /** Many new persons with ids chosen by the caller, in JDBC batches (an import of a whole list). */
    void insertAll(List<YoungPerson> all, long userId) {
        var rows = all.stream().map(p -> {
            Object[] values = values(p, userId, userId);
            Object[] withId = new Object[values.length + 1];
            withId[0] = p.id();
            System.arraycopy(values, 0, withId, 1, values.length);
            return withId;
        }).toList();
        for (int from = 0; from < rows.size(); from += BATCH) {
            jdbcTemplate.batchUpdate("""
                    INSERT INTO young_person (id, identity_kind, personal_identity_number, reserve_identity, first_name,
                        last_name, birth_date, birth_year, gender, municipality_code, protected_identity, street,
                        postal_code, city, phone, email, preferred_language, interpreter_needed, guardian_name,
                        guardian_phone, guardian_email, owner_organisation_id, created_by, updated_by, search_name)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    rows.subList(from, Math.min(rows.size(), from + BATCH)));
        }
    }

    /** Optimistic locking: false when someone else saved since {@code p.version()} was read. */
    boolean update(YoungPerson p, long userId) {
        return jdbc.sql("""
                UPDATE young_person SET first_name = ?, last_name = ?, gender = ?, municipality_code = ?,
                    protected_identity = ?, street = ?, postal_code = ?, city = ?, phone = ?, email = ?,
                    preferred_language = ?, interpreter_needed = ?, guardian_name = ?, guardian_phone = ?,
                    guardian_email = ?, updated_by = ?, updated_at = now(), version = version + 1, search_name = ?
                 WHERE id = ? AND version = ?""")
                .params(p.firstName(), p.lastName(), p.gender().name(), p.municipalityCode(), p.protectedIdentity(),
                        street(p), postalCode(p), city(p), p.phone(), p.email(), p.preferredLanguage(),
                        p.interpreterNeeded(), guardian(p).name(), guardian(p).phone(), guardian(p).email(), userId,
                        searchName(p), p.id(), p.version())
                .update() == 1;
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
    SearchPage search(PersonalIdentityNumber pin, List<String> words, long organisationId, Collection<UUID> shared,
            int limit, int offset) {
        int cap = HITS_CAP;
        var params = new ArrayList<Object>();
        String filter = filter(pin, words, organisationId, shared, params);
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
                .params(pageParams).query(YoungPersons::summary).list();
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

    private static String filter(PersonalIdentityNumber pin, List<String> words, long organisationId,
            Collection<UUID> shared, List<Object> params) {
        var sql = new StringBuilder();
        if (shared.isEmpty()) {
            sql.append("owner_organisation_id = ?");
            params.add(organisationId);
        } else {
            sql.append("(owner_organisation_id = ? OR id = ANY (?::uuid[]))");
            params.add(organisationId);
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

    private static Object[] values(YoungPerson p, long createdBy, long updatedBy) {
        return new Object[] { p.identityKind().name(), p.personalIdentityNumber(), p.reserveIdentity(),
            p.firstName(), p.lastName(), p.birthDate(), p.birthYear(), p.gender().name(), p.municipalityCode(),
            p.protectedIdentity(), street(p), postalCode(p), city(p), p.phone(), p.email(), p.preferredLanguage(),
            p.interpreterNeeded(), guardian(p).name(), guardian(p).phone(), guardian(p).email(),
            p.ownerOrganisationId(), createdBy, updatedBy, searchName(p) };
    }

    /**
     * Lower-cased in Java, where Å, Ä and Ö have lower case whatever the database's locale; the leading space lets a
     * short word match the start of any name with one pattern ({@code '% al%'}).
     */
    static String searchName(YoungPerson p) {
        return p.firstName() == null ? null : (" " + p.firstName() + " " + p.lastName()).toLowerCase(Locale.ROOT);
    }

    // protected identity: the address is dropped here too, the last gate before the database
    private static String street(YoungPerson p) {
        return p.protectedIdentity() || p.address() == null ? null : p.address().street();
    }

    private static String postalCode(YoungPerson p) {
        return p.protectedIdentity() || p.address() == null ? null : p.address().postalCode();
    }

    private static String city(YoungPerson p) {
        return p.protectedIdentity() || p.address() == null ? null : p.address().city();
    }

    private static Guardian guardian(YoungPerson p) {
        return p.guardian() == null ? new Guardian(null, null, null) : p.guardian();
    }

    private static YoungPerson person(ResultSet rs, int row) throws SQLException {
        boolean protectedIdentity = rs.getBoolean("protected_identity");
        var address = protectedIdentity ? null
                : new Address(rs.getString("street"), rs.getString("postal_code"), rs.getString("city"));
        return new YoungPerson(rs.getObject("id", UUID.class), IdentityKind.valueOf(rs.getString("identity_kind")),
                rs.getString("personal_identity_number"), rs.getString("reserve_identity"),
                rs.getString("first_name"), rs.getString("last_name"), rs.getObject("birth_date", LocalDate.class),
                rs.getInt("birth_year"), Gender.valueOf(rs.getString("gender")), rs.getString("municipality_code"),
                protectedIdentity, address, rs.getString("phone"), rs.getString("email"),
                rs.getString("preferred_language"), rs.getBoolean("interpreter_needed"),
                new Guardian(rs.getString("guardian_name"), rs.getString("guardian_phone"),
                        rs.getString("guardian_email")),
                rs.getLong("owner_organisation_id"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getInt("version"));
    }

    private static PersonSummary summary(ResultSet rs, int row) throws SQLException {
        String pin = rs.getString("personal_identity_number");
        return new PersonSummary(rs.getObject("id", UUID.class),
                pin != null ? new PersonalIdentityNumber(pin).formatted() : rs.getString("reserve_identity"),
                IdentityKind.valueOf(rs.getString("identity_kind")), rs.getString("first_name"),
                rs.getString("last_name"), rs.getInt("birth_year"), Gender.valueOf(rs.getString("gender")),
                rs.getString("municipality_code"), rs.getBoolean("protected_identity"),
                rs.getLong("owner_organisation_id"));
    }
}
