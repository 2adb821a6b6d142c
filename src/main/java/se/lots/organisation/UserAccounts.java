package se.lots.organisation;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class UserAccounts {

    private static final String COLUMNS = "id, username, display_name, organisation_id, unit_id, role, active, email, phone";

    private final JdbcClient jdbc;

    UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UserAccount> byUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM user_account WHERE username = ?").param(username)
                .query(UserAccount.class).optional();
    }

    public Optional<UserAccount> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM user_account WHERE id = ?").param(id)
                .query(UserAccount.class).optional();
    }

    /** The stored password hash, for login only. */
    public Optional<String> passwordHash(String username) {
        return jdbc.sql("SELECT password_hash FROM user_account WHERE username = ? AND password_hash IS NOT NULL")
                .param(username).query(String.class).optional();
    }

    public List<UserAccount> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM user_account ORDER BY organisation_id, username")
                .query(UserAccount.class).list();
    }

    /**
     * The active staff who work with young persons in the user's own unit (or organisation, when the user has no
     * unit) and those of the organisation without a unit, plus the users in {@code also} of the same organisation
     * (someone already named on a step), by name: the people a case worker names on a plan, even in an organisation
     * with thousands of staff.
     */
    public List<UserAccount> colleaguesOf(long userId, Collection<Long> also) {
        return jdbc.sql("""
                SELECT c.id, c.username, c.display_name, c.organisation_id, c.unit_id, c.role, c.active, c.email, c.phone
                  FROM user_account c JOIN user_account me ON me.id = :me
                 WHERE c.organisation_id = me.organisation_id AND c.active AND c.role IN (:roles)
                   AND (me.unit_id IS NULL OR c.unit_id IS NULL OR c.unit_id = me.unit_id OR c.id = ANY(:also))
                 ORDER BY c.display_name, c.id LIMIT 500""")
                .param("me", userId).param("also", also.toArray(Long[]::new))
                .param("roles", Arrays.stream(Role.values()).filter(Role::readsPersonalData).map(Role::name).toList())
                .query(UserAccount.class).list();
    }

    /**
     * The active accounts that lack a work e-mail address or phone number, where Lots reminds staff of booked times:
     * how many, and the first {@code first} by name.
     */
    public Missing withoutContact(int first) {
        String lacking = " FROM user_account WHERE active AND (email IS NULL OR phone IS NULL)";
        long count = jdbc.sql("SELECT count(*)" + lacking).query(Long.class).single();
        List<UserAccount> accounts = count == 0 ? List.of()
                : jdbc.sql("SELECT " + COLUMNS + lacking + " ORDER BY display_name, id LIMIT ?").param(first)
                        .query(UserAccount.class).list();
        return new Missing(count, accounts);
    }

    /** How many accounts a list has, and the first few of them. */
    public record Missing(long count, List<UserAccount> first) {
    }

    public boolean any() {
        return jdbc.sql("SELECT exists(SELECT 1 FROM user_account)").query(Boolean.class).single();
    }

    long insert(NewUser user, String passwordHash) {
        return jdbc.sql("""
                INSERT INTO user_account (username, display_name, password_hash, organisation_id, unit_id, role,
                                          email, phone)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(user.username().trim(), user.displayName().trim(), passwordHash,
                        user.organisationId().value(),
                        user.unitId(), user.role().name(), blankToNull(user.email()), blankToNull(user.phone()))
                .query(Long.class).single();
    }

    void setContact(long id, String email, String phone) {
        jdbc.sql("UPDATE user_account SET email = ?, phone = ? WHERE id = ?")
                .params(blankToNull(email), blankToNull(phone), id).update();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    void setActive(long id, boolean active) {
        jdbc.sql("UPDATE user_account SET active = ? WHERE id = ?").params(active, id).update();
    }
}
