package se.lots.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.organisation.OrganisationId;
import se.lots.reference.MunicipalityCode;
import se.lots.registry.Address;
import se.lots.registry.Gender;
import se.lots.registry.Guardian;
import se.lots.registry.IdentityKind;
import se.lots.registry.PersonalIdentityNumber;
import se.lots.registry.YoungPerson;

@Repository
public class YoungPersons {

    private static final String COLUMNS = """
            id, identity_kind, personal_identity_number, reserve_identity, first_name, last_name, birth_date,
            birth_year, gender, municipality_code, protected_identity, street, postal_code, city, phone, email,
            preferred_language, interpreter_needed, guardian_name, guardian_phone, guardian_email,
            owner_organisation_id, created_at, updated_at, version""";

    private final JdbcClient jdbc;

    private static final int BATCH = 1000;

    private final JdbcTemplate jdbcTemplate;

    YoungPersons(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    public Optional<YoungPerson> byId(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM young_person WHERE id = ?").param(id)
                .query(YoungPersons::person).optional();
    }

    public List<YoungPerson> byIds(Collection<UUID> ids) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM young_person WHERE id = ANY (?)")
                .param(ids.toArray(UUID[]::new)).query(YoungPersons::person).list();
    }

    public Optional<UUID> idByPersonalIdentityNumber(PersonalIdentityNumber pin) {
        return jdbc.sql("SELECT id FROM young_person WHERE personal_identity_number = ?").param(pin.value())
                .query(UUID.class).optional();
    }

    public List<YoungPerson> byPersonalIdentityNumbers(Collection<String> pins) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM young_person WHERE personal_identity_number = ANY (?)")
                .param(pins.toArray(String[]::new)).query(YoungPersons::person).list();
    }

    public List<YoungPerson> byReserveIdentities(Collection<String> reserveIdentities) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM young_person WHERE reserve_identity = ANY (?)")
                .param(reserveIdentities.toArray(String[]::new)).query(YoungPersons::person).list();
    }

    public Optional<OrganisationId> owner(UUID id) {
        return jdbc.sql("SELECT owner_organisation_id FROM young_person WHERE id = ?").param(id)
                .query(Long.class).optional().map(OrganisationId::new);
    }

    /** Removes the persons' records (an erasure or gallring, once no register holds anything on them). */
    public int remove(Collection<UUID> ids) {
        return jdbc.sql("DELETE FROM young_person WHERE id = ANY (?::uuid[])").param(ids.toArray(UUID[]::new))
                .update();
    }

    public String nextReserveIdentity() {
        long n = jdbc.sql("SELECT nextval('reserve_identity_seq')").query(Long.class).single();
        return String.format(Locale.ROOT, "RES-%07d", n);
    }

    public UUID insert(YoungPerson p, long userId) {
        return jdbc.sql("""
                INSERT INTO young_person (identity_kind, personal_identity_number, reserve_identity, first_name,
                    last_name, birth_date, birth_year, gender, municipality_code, protected_identity, street,
                    postal_code, city, phone, email, preferred_language, interpreter_needed, guardian_name,
                    guardian_phone, guardian_email, owner_organisation_id, created_by, updated_by, search_name)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(values(p, userId, userId)).query(UUID.class).single();
    }

    /** Many new persons with ids chosen by the caller, in JDBC batches (an import of a whole list). */
    public void insertAll(List<YoungPerson> all, long userId) {
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
    public boolean update(YoungPerson p, long userId) {
        return jdbc.sql("""
                UPDATE young_person SET first_name = ?, last_name = ?, gender = ?, municipality_code = ?,
                    protected_identity = ?, street = ?, postal_code = ?, city = ?, phone = ?, email = ?,
                    preferred_language = ?, interpreter_needed = ?, guardian_name = ?, guardian_phone = ?,
                    guardian_email = ?, updated_by = ?, updated_at = now(), version = version + 1, search_name = ?
                 WHERE id = ? AND version = ?""")
                .params(p.firstName(), p.lastName(), p.gender().name(), municipalityCode(p), p.protectedIdentity(),
                        street(p), postalCode(p), city(p), p.phone(), p.email(), p.preferredLanguage(),
                        p.interpreterNeeded(), guardian(p).name(), guardian(p).phone(), guardian(p).email(), userId,
                        searchName(p), p.id(), p.version())
                .update() == 1;
    }

    /**
     * A rectification: as {@link #update}, and the identity too (a corrected personnummer brings its kind and birth
     * date); false when someone else saved since {@code p.version()} was read.
     */
    public boolean rectify(YoungPerson p, long userId) {
        return jdbc.sql("""
                UPDATE young_person SET identity_kind = ?, personal_identity_number = ?, reserve_identity = ?,
                    birth_date = ?, birth_year = ?, first_name = ?, last_name = ?, gender = ?, municipality_code = ?,
                    street = ?, postal_code = ?, city = ?, phone = ?, email = ?, preferred_language = ?,
                    guardian_name = ?, guardian_phone = ?, guardian_email = ?, updated_by = ?, updated_at = now(),
                    version = version + 1, search_name = ?
                 WHERE id = ? AND version = ?""")
                .params(p.identityKind().name(), pin(p), p.reserveIdentity(), p.birthDate(), p.birthYear(),
                        p.firstName(), p.lastName(), p.gender().name(), municipalityCode(p), street(p), postalCode(p),
                        city(p), p.phone(), p.email(), p.preferredLanguage(), guardian(p).name(), guardian(p).phone(),
                        guardian(p).email(), userId, searchName(p), p.id(), p.version())
                .update() == 1;
    }

    /**
     * Sets or lifts the protected identity, erasing the stored address either way (a protected person has none, so
     * a lifted one starts without); false when someone else saved since {@code version}.
     */
    public boolean changeProtectedIdentity(UUID id, boolean protect, int version, long userId) {
        return jdbc.sql("""
                UPDATE young_person SET protected_identity = ?, street = NULL, postal_code = NULL, city = NULL,
                    updated_by = ?, updated_at = now(), version = version + 1
                 WHERE id = ? AND version = ?""")
                .params(protect, userId, id, version).update() == 1;
    }

    /** Those of {@code ids} who have protected identity now. */
    public List<UUID> protectedAmong(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id FROM young_person WHERE id = ANY (?) AND protected_identity")
                .param(ids.toArray(UUID[]::new)).query(UUID.class).list();
    }

    /** The home municipality only (a move of the folkbokföring); the version moves on, so open forms go stale. */
    public boolean updateMunicipality(UUID id, MunicipalityCode code, long userId) {
        return jdbc.sql("""
                UPDATE young_person SET municipality_code = ?, updated_by = ?, updated_at = now(),
                       version = version + 1
                 WHERE id = ?""").params(code.value(), userId, id).update() == 1;
    }

    private static Object[] values(YoungPerson p, long createdBy, long updatedBy) {
        return new Object[] { p.identityKind().name(), pin(p), p.reserveIdentity(),
            p.firstName(), p.lastName(), p.birthDate(), p.birthYear(), p.gender().name(), municipalityCode(p),
            p.protectedIdentity(), street(p), postalCode(p), city(p), p.phone(), p.email(), p.preferredLanguage(),
            p.interpreterNeeded(), guardian(p).name(), guardian(p).phone(), guardian(p).email(),
            p.ownerOrganisationId().value(), createdBy, updatedBy, searchName(p) };
    }

    /**
     * Lower-cased in Java, where Å, Ä and Ö have lower case whatever the database's locale; the leading space lets a
     * short word match the start of any name with one pattern ({@code '% al%'}).
     */
    static String searchName(YoungPerson p) {
        return p.firstName() == null ? null : (" " + p.firstName() + " " + p.lastName()).toLowerCase(Locale.ROOT);
    }

    private static String municipalityCode(YoungPerson p) {
        return p.municipalityCode() == null ? null : p.municipalityCode().value();
    }

    private static String pin(YoungPerson p) {
        return p.personalIdentityNumber() == null ? null : p.personalIdentityNumber().value();
    }

    private static PersonalIdentityNumber pin(String stored) {
        return stored == null ? null : new PersonalIdentityNumber(stored);
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
                pin(rs.getString("personal_identity_number")), rs.getString("reserve_identity"),
                rs.getString("first_name"), rs.getString("last_name"), rs.getObject("birth_date", LocalDate.class),
                rs.getInt("birth_year"), Gender.valueOf(rs.getString("gender")),
                MunicipalityCode.ofNullable(rs.getString("municipality_code")),
                protectedIdentity, address, rs.getString("phone"), rs.getString("email"),
                rs.getString("preferred_language"), rs.getBoolean("interpreter_needed"),
                new Guardian(rs.getString("guardian_name"), rs.getString("guardian_phone"),
                        rs.getString("guardian_email")),
                new OrganisationId(rs.getLong("owner_organisation_id")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getInt("version"));
    }
}
