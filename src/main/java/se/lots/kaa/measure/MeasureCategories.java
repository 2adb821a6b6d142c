package se.lots.kaa.measure;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class MeasureCategories {

    private final JdbcClient jdbc;

    MeasureCategories(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<MeasureCategory> all() {
        return jdbc.sql("SELECT code, name_sv, active, sort_order FROM kaa_measure_category ORDER BY sort_order, code")
                .query((rs, n) -> new MeasureCategory(rs.getString("code"), rs.getString("name_sv"),
                        rs.getBoolean("active"), rs.getInt("sort_order")))
                .list();
    }

    Optional<MeasureCategory> byCode(String code) {
        return all().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    void save(MeasureCategory c) {
        jdbc.sql("""
                INSERT INTO kaa_measure_category (code, name_sv, active, sort_order) VALUES (?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET name_sv = EXCLUDED.name_sv, active = EXCLUDED.active,
                                                 sort_order = EXCLUDED.sort_order""")
                .params(c.code(), c.name(), c.active(), c.sortOrder()).update();
    }
}
