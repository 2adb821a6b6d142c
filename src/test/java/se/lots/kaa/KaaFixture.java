package se.lots.kaa;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.lots.organisation.NewOrganisation;
import se.lots.organisation.NewUser;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.PartyType;
import se.lots.organisation.Role;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/**
 * A municipality of its own per test (so that one test's KAA register never closes another's episodes) and
 * Skatteverket's test personnummer of people in the KAA age range today that nobody in the database has yet.
 */
@Component
public class KaaFixture {

    private static final AtomicInteger MUNICIPALITIES = new AtomicInteger();
    private static final AtomicInteger NEXT_NUMBER = new AtomicInteger();
    private static List<String> kaaAgeNumbers;

    private final OrganisationService organisations;
    private final CurrentActor actors;
    private final JdbcClient jdbc;

    KaaFixture(OrganisationService organisations, CurrentActor actors, JdbcClient jdbc) {
        this.organisations = organisations;
        this.actors = actors;
        this.jdbc = jdbc;
    }

    /** A new kommun (Bjuv's code, 1260) with a KAA coordinator and a case worker; returns the coordinator. */
    public Actor newMunicipality() {
        int n = MUNICIPALITIES.incrementAndGet();
        var org = organisations.create(new NewOrganisation("Testkommun " + n, PartyType.KOMMUN, "1260", null,
                List.of("Arbetsmarknadsenheten")));
        organisations.createUser(new NewUser("kaa-test-" + n, "ett-langt-losenord", "Kim Samordnare " + n,
                Role.KAA_COORDINATOR, org.id(), null));
        organisations.createUser(new NewUser("ute-test-" + n, "ett-langt-losenord", "Uma Uppsökare " + n,
                Role.CASE_WORKER, org.id(), null));
        return actors.byUsername("kaa-test-" + n);
    }

    /**
     * A new kommun with a municipality code no other organisation has (moves find the new municipality by its
     * code), a KAA coordinator and a case worker; returns the coordinator.
     */
    public synchronized Actor newMunicipalityOfItsOwn() {
        String code = jdbc.sql("""
                SELECT code FROM municipality WHERE code NOT IN
                       (SELECT municipality_code FROM organisation WHERE municipality_code IS NOT NULL)
                 ORDER BY code DESC LIMIT 1""").query(String.class).single();
        int n = MUNICIPALITIES.incrementAndGet();
        var org = organisations.create(new NewOrganisation("Testkommun " + n, PartyType.KOMMUN, code, null,
                List.of("KAA")));
        organisations.createUser(new NewUser("kaa-test-" + n, "ett-langt-losenord", "Kim Samordnare " + n,
                Role.KAA_COORDINATOR, org.id(), null));
        organisations.createUser(new NewUser("ute-test-" + n, "ett-langt-losenord", "Uma Uppsökare " + n,
                Role.CASE_WORKER, org.id(), null));
        return actors.byUsername("kaa-test-" + n);
    }

    public Actor caseWorkerOf(Actor coordinator) {
        return actors.byUsername(coordinator.username().replace("kaa-test-", "ute-test-"));
    }

    /** A test personnummer of someone aged 16–19 today, unused so far. */
    public synchronized String kaaAgeNumber() {
        if (kaaAgeNumbers == null) {
            Set<String> taken = jdbc.sql("SELECT personal_identity_number FROM young_person"
                    + " WHERE personal_identity_number IS NOT NULL").query(String.class).stream()
                    .collect(Collectors.toSet());
            LocalDate today = LocalDate.now();
            kaaAgeNumbers = load().stream().filter(pin -> !taken.contains(pin)).filter(pin -> {
                LocalDate birth = LocalDate.of(Integer.parseInt(pin.substring(0, 4)),
                        Integer.parseInt(pin.substring(4, 6)), Integer.parseInt(pin.substring(6, 8)));
                return birth.plusYears(20).isAfter(today.plusMonths(1)) && !birth.plusYears(16).isAfter(today);
            }).toList();
        }
        return kaaAgeNumbers.get(NEXT_NUMBER.getAndIncrement());
    }

    /** A test personnummer of someone born in {@code from} … {@code to}, not in the registry so far. */
    public synchronized String unusedNumberBornBetween(LocalDate from, LocalDate to) {
        String first = from.toString().replace("-", "");
        String last = to.toString().replace("-", "") + "9999";
        return load().stream().filter(pin -> pin.compareTo(first) >= 0 && pin.compareTo(last) <= 0)
                .filter(pin -> jdbc.sql("SELECT count(*) FROM young_person WHERE personal_identity_number = ?")
                        .param(pin).query(Long.class).single() == 0)
                .findFirst().orElseThrow();
    }

    private static List<String> load() {
        var result = new ArrayList<String>();
        try (var reader = new BufferedReader(new InputStreamReader(
                KaaFixture.class.getResourceAsStream("/reference/testpersonnummer.csv"), StandardCharsets.UTF_8))) {
            reader.lines().skip(1).map(String::trim).filter(s -> s.length() == 12).forEach(result::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the youngest first: they stay in the age range for the longest
        result.sort((a, b) -> b.compareTo(a));
        return result;
    }
}
