package se.lots.intervention;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reference list of needs. */
@Repository
class Needs {

    private final JdbcClient jdbc;

    Needs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Need> all() {
        return jdbc.sql("SELECT id, name, position, active FROM need ORDER BY position, lower(name)")
                .query(Need.class).list();
    }

    Optional<Need> byId(long id) {
        return jdbc.sql("SELECT id, name, position, active FROM need WHERE id = ?").param(id).query(Need.class)
                .optional();
    }

    boolean nameTaken(String name, Long except) {
        return jdbc.sql("SELECT count(*) FROM need WHERE lower(name) = lower(?) AND id IS DISTINCT FROM ?")
                .params(name, except).query(Integer.class).single() > 0;
    }

    long add(String name) {
        return jdbc.sql("""
                INSERT INTO need (name, position) SELECT ?, coalesce(max(position), 0) + 1 FROM need RETURNING id""")
                .param(name).query(Long.class).single();
    }

    void update(long id, String name, boolean active) {
        jdbc.sql("UPDATE need SET name = ?, active = ? WHERE id = ?").params(name, active, id).update();
    }
}
