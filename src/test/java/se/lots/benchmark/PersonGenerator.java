package se.lots.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.registry.PersonalIdentityNumber;

/**
 * Fills young_person with synthetic persons through COPY, fast enough for 250 000 in well under a minute.
 * Personnummer come only from Skatteverket's test list (numbers already in the table are skipped); everyone else
 * gets a reserve identity from {@code reserve_identity_seq}, the sequence the application itself draws from.
 * Benchmark and test tool only: it bypasses the registry's service (and so its audit), which no production path may.
 */
public final class PersonGenerator {

    /** An organisation that holds a share of the persons; they live mostly in the first municipality. */
    public record Holder(long organisationId, double share, List<String> municipalityCodes) {

        public Holder {
            municipalityCodes = List.copyOf(municipalityCodes);
            if (municipalityCodes.isEmpty() || share <= 0) {
                throw new IllegalArgumentException("a holder needs a share and at least one municipality");
            }
        }
    }

    /** What a search needs to know about a generated person. */
    public record GeneratedPerson(UUID id, String personnummer, String reserveIdentity, String firstName,
            String lastName, long ownerOrganisationId) {

        public boolean hasPersonnummer() {
            return personnummer != null;
        }
    }

    public record Generated(List<GeneratedPerson> persons, int withPersonnummer, int numbersAlreadyTaken,
            Duration took) {
    }

    private static final String COLUMNS = """
            id, identity_kind, personal_identity_number, reserve_identity, first_name, last_name, birth_date,
            birth_year, gender, municipality_code, protected_identity, street, postal_code, city, phone, email,
            preferred_language, interpreter_needed, guardian_name, guardian_phone, guardian_email, search_name,
            owner_organisation_id""";
    private static final int ROWS_PER_COPY = 10_000;
    private static final String[] STREETS = { "Storgatan", "Järnvägsgatan", "Trädgårdsgatan", "Bygatan",
        "Skolgatan", "Kvarngatan", "Ringvägen", "Norregatan", "Kyrkogatan", "Åvägen", "Björkvägen", "Industrigatan" };
    private static final String[] LANGUAGES = { "arabiska", "somaliska", "dari", "tigrinja", "persiska",
        "engelska", "polska", "turkiska", "bosniska" };

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Random random;
    private final LocalDate today;
    private final SwedishNames names = new SwedishNames();
    private int youngestAge = 16;
    private int ageSpanYears = 13;

    public PersonGenerator(DataSource dataSource, long seed, LocalDate today) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.random = new Random(seed);
        this.today = today;
    }

    /** Persons with a reserve identity are born so that they are {@code youngest} to {@code oldest} years old today. */
    public PersonGenerator aged(int youngest, int oldest) {
        this.youngestAge = youngest;
        this.ageSpanYears = oldest - youngest;
        return this;
    }

    /**
     * Inserts {@code count} persons spread over {@code holders} by their shares. The first free numbers of
     * {@code candidateNumbers} become personnummer; the rest of the persons get reserve identities.
     */
    public Generated generate(int count, List<Holder> holders, List<String> candidateNumbers) {
        long start = System.nanoTime();
        Set<String> taken = new HashSet<>(jdbc.sql("""
                SELECT personal_identity_number FROM young_person WHERE personal_identity_number IS NOT NULL""")
                .query(String.class).list());
        var numbers = new ArrayList<PersonalIdentityNumber>();
        int alreadyTaken = 0;
        for (String candidate : candidateNumbers) {
            if (numbers.size() == count) {
                break;
            }
            if (taken.contains(candidate)) {
                alreadyTaken++;
            } else if (taken.add(candidate)) {
                numbers.add(new PersonalIdentityNumber(candidate));
            }
        }
        List<String> reserves = jdbc.sql("""
                SELECT 'RES-' || lpad(nextval('reserve_identity_seq')::text, 7, '0') FROM generate_series(1, ?)""")
                .param(count - numbers.size()).query(String.class).list();
        var identities = new ArrayList<Object>(count);
        identities.addAll(numbers);
        identities.addAll(reserves);
        Collections.shuffle(identities, random);

        Map<String, String> cities = new HashMap<>();
        jdbc.sql("SELECT code, short_name FROM municipality").query(rs -> {
            cities.put(rs.getString("code"), rs.getString("short_name"));
        });
        double[] cumulative = cumulativeShares(holders);

        var persons = new ArrayList<GeneratedPerson>(count);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            var csv = new StringBuilder(ROWS_PER_COPY * 220);
            for (int i = 0; i < count; i++) {
                Holder holder = holders.get(pick(cumulative));
                persons.add(row(identities.get(i), holder, cities, csv));
                if ((i + 1) % ROWS_PER_COPY == 0 || i == count - 1) {
                    copy.copyIn("COPY young_person (" + COLUMNS + ") FROM STDIN (FORMAT csv)",
                            new StringReader(csv.toString()));
                    csv.setLength(0);
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("generating persons failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Generated(List.copyOf(persons), numbers.size(), alreadyTaken,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** Fresh statistics and visibility map, as autovacuum would leave a table that has been loaded for a while. */
    public static void vacuumAnalyze(DataSource owner) {
        JdbcClient.create(owner).sql("VACUUM (ANALYZE) young_person").update();
    }

    /** Skatteverket's test numbers of people aged 16–29 on {@code today}, shuffled so birth years are mixed. */
    public static List<String> youngTestNumbers(LocalDate today, long seed) {
        var result = new ArrayList<String>();
        try (var reader = new BufferedReader(new InputStreamReader(
                PersonGenerator.class.getResourceAsStream("/reference/testpersonnummer.csv"),
                StandardCharsets.UTF_8))) {
            reader.lines().skip(1).map(String::trim).filter(s -> s.length() == 12).forEach(s -> {
                int year = Integer.parseInt(s.substring(0, 4));
                if (year >= today.getYear() - 29 && year <= today.getYear() - 16) {
                    result.add(s);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Collections.shuffle(result, new Random(seed));
        return result;
    }

    private GeneratedPerson row(Object identity, Holder holder, Map<String, String> cities, StringBuilder csv) {
        var id = new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
        String kind;
        String pin = null;
        String reserve = null;
        LocalDate birthDate;
        int birthYear;
        boolean woman;
        if (identity instanceof PersonalIdentityNumber number) {
            pin = number.value();
            kind = number.isCoordinationNumber() ? "SAMORDNINGSNUMMER" : "PERSONNUMMER";
            birthDate = number.hasCompleteBirthDate() ? number.birthDate() : null;
            birthYear = number.birthYear();
            woman = number.legalGender() == se.lots.registry.LegalGender.FEMALE;
        } else {
            reserve = (String) identity;
            kind = "RESERVE";
            birthDate = today.minusYears(youngestAge).minusDays(random.nextInt(ageSpanYears * 365));
            birthYear = birthDate.getYear();
            woman = random.nextBoolean();
        }
        int g = random.nextInt(100);
        String gender = g == 0 ? "ANNAT" : g == 1 ? "VILL_EJ_UPPGE" : woman ? "KVINNA" : "MAN";
        String first = names.firstName(woman, random);
        String last = names.surname(random);
        List<String> codes = holder.municipalityCodes();
        String municipality = codes.size() == 1 || random.nextInt(100) < 85 ? codes.get(0)
                : codes.get(1 + random.nextInt(codes.size() - 1));
        boolean protectedIdentity = random.nextInt(100) == 0;
        boolean minor = birthDate != null && birthDate.plusYears(18).isAfter(today);
        String language = random.nextInt(100) < 80 ? "svenska" : LANGUAGES[random.nextInt(LANGUAGES.length)];

        field(csv, id.toString());
        field(csv, kind);
        field(csv, pin);
        field(csv, reserve);
        field(csv, first);
        field(csv, last);
        field(csv, birthDate == null ? null : birthDate.toString());
        field(csv, Integer.toString(birthYear));
        field(csv, gender);
        field(csv, municipality);
        field(csv, Boolean.toString(protectedIdentity));
        field(csv, protectedIdentity ? null : STREETS[random.nextInt(STREETS.length)] + " " + (1 + random.nextInt(60)));
        field(csv, protectedIdentity ? null : String.format(Locale.ROOT, "%03d %02d", 100 + random.nextInt(890),
                random.nextInt(100)));
        field(csv, protectedIdentity ? null : cities.getOrDefault(municipality, "Svalöv"));
        field(csv, fictionalPhone());
        field(csv, random.nextInt(10) < 3 ? ascii(first) + "." + ascii(last) + "@example.se" : null);
        field(csv, language);
        field(csv, Boolean.toString(!"svenska".equals(language) && random.nextInt(4) == 0));
        field(csv, minor ? "Vårdnadshavare " + last : null);
        field(csv, minor ? fictionalPhone() : null);
        field(csv, null);
        field(csv, (" " + first + " " + last).toLowerCase(Locale.ROOT));
        csv.append(holder.organisationId()).append('\n');
        return new GeneratedPerson(id, pin, reserve, first, last, holder.organisationId());
    }

    // PTS reserves 070-1740605 to 070-1740699 for fiction
    private String fictionalPhone() {
        return String.format(Locale.ROOT, "070-17406%02d", 5 + random.nextInt(95));
    }

    private static void field(StringBuilder csv, String value) {
        // CSV: an unquoted empty field is NULL, a quoted one an empty string
        if (value != null) {
            csv.append('"').append(value.replace("\"", "\"\"")).append('"');
        }
        csv.append(',');
    }

    private static String ascii(String name) {
        return name.toLowerCase(Locale.ROOT).replace(' ', '.').replace('å', 'a').replace('ä', 'a').replace('ö', 'o')
                .replaceAll("[^a-z.-]", "");
    }

    private static double[] cumulativeShares(List<Holder> holders) {
        double[] cumulative = new double[holders.size()];
        double sum = 0;
        for (int i = 0; i < holders.size(); i++) {
            sum += holders.get(i).share();
            cumulative[i] = sum;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= sum;
        }
        return cumulative;
    }

    private int pick(double[] cumulative) {
        double r = random.nextDouble();
        for (int i = 0; i < cumulative.length; i++) {
            if (r < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }
}
