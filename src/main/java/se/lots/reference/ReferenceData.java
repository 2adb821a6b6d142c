package se.lots.reference;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import se.lots.shared.InvalidValueException;

/** The 290 municipalities and 21 counties; they change rarely, so they are read once and kept. */
@Service
public class ReferenceData {

    private final JdbcClient jdbc;
    private volatile Map<MunicipalityCode, Municipality> municipalities;
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

    public Optional<Municipality> municipality(MunicipalityCode code) {
        return code == null ? Optional.empty() : Optional.ofNullable(municipalityMap().get(code));
    }

    /** The municipality of a code as text ("1214", " 1214 "); empty when the text is no municipality's code. */
    public Optional<Municipality> municipality(String code) {
        try {
            return municipality(MunicipalityCode.parse(code));
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }

    public Optional<County> county(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(countyMap().get(code.trim()));
    }

    private Map<MunicipalityCode, Municipality> municipalityMap() {
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
