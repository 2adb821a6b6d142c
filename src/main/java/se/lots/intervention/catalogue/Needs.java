package se.lots.intervention.catalogue;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.intervention.Need;

/** The reference list of needs. */
@Repository
public class Needs {

    private final JdbcClient jdbc;

    Needs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Need> all() {
        return jdbc.sql("SELECT id, name, position, active, code FROM need ORDER BY position, lower(name)")
                .query(Need.class).list();
    }

    public Optional<Need> byId(long id) {
        return jdbc.sql("SELECT id, name, position, active, code FROM need WHERE id = ?").param(id).query(Need.class)
                .optional();
    }

    public boolean nameTaken(String name, Long except) {
        return jdbc.sql("SELECT count(*) FROM need WHERE lower(name) = lower(?) AND id IS DISTINCT FROM ?")
                .params(name, except).query(Integer.class).single() > 0;
    }

    /** A new need gets a code made from its name ("Körkort" → "KORKORT"), with a number if that is taken. */
    public long add(String name) {
        long id = jdbc.sql("""
                INSERT INTO need (name, position, code)
                SELECT ?, coalesce(max(position), 0) + 1, 'NY_' || (coalesce(max(id), 0) + 1) FROM need RETURNING id""")
                .param(name).query(Long.class).single();
        String code = codeOf(name);
        boolean taken = jdbc.sql("SELECT count(*) FROM need WHERE code = ?").param(code).query(Integer.class)
                .single() > 0;
        jdbc.sql("UPDATE need SET code = ? WHERE id = ?").params(code.isEmpty() ? "BEHOV_" + id : taken ? code + "_" + id : code, id)
                .update();
        return id;
    }

    public static String codeOf(String name) {
        String ascii = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_|_$", "");
    }

    public void update(long id, String name, boolean active) {
        jdbc.sql("UPDATE need SET name = ?, active = ? WHERE id = ?").params(name, active, id).update();
    }
}
