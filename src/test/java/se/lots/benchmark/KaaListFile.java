package se.lots.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A school's KAA list as a municipality would get it, written from persons in the registry: reserve identities of
 * those held by the municipality (the registry's own details, so that the import finds no change) and, first, test
 * personnummer nobody has yet, as young people new to the registry. Semicolon CSV in UTF-8, the import's columns.
 */
final class KaaListFile {

    static final String HEADER = "personnummer;förnamn;efternamn;situation;adress;postnummer;postort;skola;skolkommun;"
            + "program;avgångsdatum";
    private static final String[] SITUATIONS = { "avbrutit nationellt program", "studiebevis", "aldrig påbörjat",
        "avbrutit introduktionsprogram" };
    private static final String[] PROGRAMMES = { "BA", "EE", "EK", "ES", "FT", "HA", "HV", "IMA", "IMV", "NA", "SA",
        "TE", "VF" };

    record Built(byte[] content, int rows, int newPersons) {
    }

    private KaaListFile() {
    }

    /**
     * {@code rows} rows: up to {@code newNumbers.size()} new persons with those personnummer, the rest reserve
     * identities of the organisation's persons aged 16–19 in id order (there must be enough of them).
     */
    static Built build(JdbcClient jdbc, long organisationId, String municipalityCode, int rows,
            List<String> newNumbers, long seed) {
        var random = new Random(seed);
        LocalDate today = LocalDate.now();
        var csv = new StringBuilder(rows * 120).append(HEADER).append('\n');
        int fresh = Math.min(rows / 10, newNumbers.size());
        for (int i = 0; i < fresh; i++) {
            csv.append(newNumbers.get(i)).append(";Ny;Listperson ").append(i).append(';')
                    .append(SITUATIONS[random.nextInt(SITUATIONS.length)]).append(";Skolvägen ").append(1 + i % 90)
                    .append(";268 31;Svalöv;");
            school(csv, random, municipalityCode, today);
        }
        var persons = jdbc.sql("""
                SELECT reserve_identity, first_name, last_name, street, postal_code, city FROM young_person
                 WHERE owner_organisation_id = ? AND reserve_identity IS NOT NULL AND NOT protected_identity
                   AND birth_date > ? AND birth_date <= ?
                 ORDER BY id LIMIT ?""")
                .params(organisationId, today.minusYears(19), today.minusYears(16), rows - fresh)
                .query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6) })
                .list();
        if (persons.size() < rows - fresh) {
            throw new IllegalStateException("only " + persons.size() + " persons of KAA age to build a list of "
                    + rows + " rows from");
        }
        for (String[] p : persons) {
            csv.append(p[0]).append(';').append(p[1]).append(';').append(p[2]).append(';')
                    .append(SITUATIONS[random.nextInt(SITUATIONS.length)]).append(';').append(nullToEmpty(p[3]))
                    .append(';').append(nullToEmpty(p[4])).append(';').append(nullToEmpty(p[5])).append(';');
            school(csv, random, municipalityCode, today);
        }
        return new Built(csv.toString().getBytes(StandardCharsets.UTF_8), rows, fresh);
    }

    private static void school(StringBuilder csv, Random random, String municipalityCode, LocalDate today) {
        csv.append("Gymnasieskola ").append(1 + random.nextInt(40)).append(';')
                .append(random.nextInt(10) == 0 ? "1282" : municipalityCode).append(';')
                .append(PROGRAMMES[random.nextInt(PROGRAMMES.length)]).append(';')
                .append(today.minusDays(30 + random.nextInt(700))).append('\n');
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
