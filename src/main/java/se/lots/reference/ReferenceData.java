package se.lots.reference;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The 290 municipalities and 21 counties; they change rarely, so they are read once and kept. */
@Service
public class ReferenceData {

    private final JdbcClient jdbc;
    private volatile Map<String, Municipality> municipalities;
    private volatile Map<String, County> counties;

    ReferenceData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Municipality> municipalities() {
        return List.copyOf(municipalityMap().values());
    }

    public List<County> counties() {
        return List.copyOf(countyMap().values());
    }

    public Optional<Municipality> municipality(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(municipalityMap().get(code.trim()));
    }

    public Optional<County> county(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(countyMap().get(code.trim()));
    }

    private Map<String, Municipality> municipalityMap() {
        if (municipalities == null) {
            municipalities = jdbc.sql("SELECT code, name, short_name, county_code FROM municipality ORDER BY short_name")
                    .query(Municipality.class).stream()
                    .collect(Collectors.toMap(Municipality::code, Function.identity(), (a, b) -> a,
                            java.util.LinkedHashMap::new));
        }
        return municipalities;
    }

    private Map<String, County> countyMap() {
        if (counties == null) {
            counties = jdbc.sql("SELECT code, name, short_name FROM county ORDER BY code").query(County.class).stream()
                    .collect(Collectors.toMap(County::code, Function.identity(), (a, b) -> a,
                            java.util.LinkedHashMap::new));
        }
        return counties;
    }
}
