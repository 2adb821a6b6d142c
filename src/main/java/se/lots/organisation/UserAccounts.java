package se.lots.organisation;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class UserAccounts {

    private static final String COLUMNS = "id, username, display_name, organisation_id, unit_id, role, active";

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

    public boolean any() {
        return jdbc.sql("SELECT exists(SELECT 1 FROM user_account)").query(Boolean.class).single();
    }

    long insert(NewUser user, String passwordHash) {
        return jdbc.sql("""
                INSERT INTO user_account (username, display_name, password_hash, organisation_id, unit_id, role)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(user.username().trim(), user.displayName().trim(), passwordHash, user.organisationId(),
                        user.unitId(), user.role().name())
                .query(Long.class).single();
    }

    void setActive(long id, boolean active) {
        jdbc.sql("UPDATE user_account SET active = ? WHERE id = ?").params(active, id).update();
    }
}
