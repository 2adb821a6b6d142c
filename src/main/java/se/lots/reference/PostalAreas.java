package se.lots.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * Postal code to postort and municipality (reference/postal_to_municipality.csv, 15 463 codes from the CC0 data set
 * "Swedish Geodata"). A classpath resource rather than a table: PostNord changes codes several times a year, the
 * lookup is only ever made from Java (grouping home visits by area), and a new file then needs no migration.
 */
@Service
public class PostalAreas {

    private static final String RESOURCE = "/reference/postal_to_municipality.csv";

    private volatile Map<String, PostalArea> byCode;

    /** The area of a postal code written with or without the space ("267 31", "26731"); empty when unknown. */
    public Optional<PostalArea> of(String postalCode) {
        String code = normalise(postalCode);
        return code == null ? Optional.empty() : Optional.ofNullable(areas().get(code));
    }

    /** Five digits, or null when the text is not a postal code. */
    public static String normalise(String postalCode) {
        if (postalCode == null) {
            return null;
        }
        String digits = postalCode.replace(" ", "").strip();
        return digits.matches("[0-9]{5}") ? digits : null;
    }

    private Map<String, PostalArea> areas() {
        if (byCode == null) {
            byCode = load();
        }
        return byCode;
    }

    private static Map<String, PostalArea> load() {
        var result = new HashMap<String, PostalArea>(20_000);
        try (var reader = new BufferedReader(new InputStreamReader(PostalAreas.class.getResourceAsStream(RESOURCE),
                StandardCharsets.UTF_8))) {
            reader.lines().skip(1).map(line -> line.split(",", -1)).filter(f -> f.length >= 4)
                    .forEach(f -> result.put(f[0].strip(),
                            new PostalArea(f[0].strip(), f[1].strip(), new MunicipalityCode(f[2].strip()),
                                    f[3].strip())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(result);
    }
}
