package se.lots.security.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.organisation.NewUser;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.Role;
import se.lots.security.FromAddress;

/**
 * Password guessing as the attack set did it (40 wrong web logins, 100 wrong API logins, then the right password).
 * Every test guesses from its own loopback address and at its own accounts, so that the demo users and 127.0.0.1,
 * which the other tests log in from, are never throttled.
 */
@IntegrationTest
class LoginThrottleIntegrationTest {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final String PASSWORD = "gissa-mig-aldrig-2026";

    @LocalServerPort
    int port;

    @Autowired
    OrganisationService organisations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    LoginThrottleSettings settings;

    private final List<String> usedAddresses = new ArrayList<>();
    private final List<String> usedNames = new ArrayList<>();

    @AfterEach
    void leaveNothingLocked() {
        jdbc.sql("DELETE FROM login_throttle WHERE key = ANY(?)")
                .param(java.util.stream.Stream.concat(usedAddresses.stream(), usedNames.stream()).toArray(String[]::new))
                .update();
    }

    @Test
    void fortyWrongWebLoginsLockTheAccountAndTheRightPasswordIsThenRefused() throws IOException {
        String user = aUser();
        FromAddress client = from("127.0.0.21");
        for (int i = 0; i < 40; i++) {
            assertThat(client.webLogin(user, "fel-losenord-" + i).header("location")).contains("/login?error");
        }

        var right = client.webLogin(user, PASSWORD);

        assertThat(right.header("location")).as("the right password during the lock").contains("/login?error")
                .contains("minutes=15");
        var page = client.get(right.header("location").replaceFirst("^https?://[^/]+", ""), List.of());
        assertThat(page.body()).contains("För många inloggningsförsök").contains("försök igen om 15 minuter");
    }

    @Test
    void hundredWrongApiLoginsGet429WithRetryAfterAndTheRightPasswordIsRefused() throws IOException {
        String user = aUser();
        FromAddress client = from("127.0.0.22");
        var statuses = new ArrayList<Integer>();
        for (int i = 0; i < 100; i++) {
            statuses.add(client.apiGet("/api/v1/organisations", user, "fel-losenord-" + i).status());
        }

        var right = client.apiGet("/api/v1/organisations", user, PASSWORD);

        assertThat(statuses.subList(0, 5)).as("the first five are ordinary failures").containsOnly(401);
        assertThat(statuses.subList(10, 100)).as("from the tenth on, the account is locked").containsOnly(429);
        assertThat(right.status()).isEqualTo(429);
        assertThat(Long.parseLong(right.header("retry-after"))).isBetween(14 * 60L, 15 * 60L);
        assertThat(right.header("content-type")).startsWith("application/json");
        assertThat(right.body()).startsWith("{\"errors\":[{\"field\":null,\"message\":\"För många inloggningsförsök")
                .contains("försök igen om 15 minuter");
        assertThat(failuresLogged(user)).as("each password checked and refused is logged; those refused during a "
                + "delay were not checked").isEqualTo(settings.account().delayAfter());
        assertThat(jdbc.sql("SELECT count(*) FROM login_event WHERE kind = 'LOCKED' AND username = ?").param(user)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anUnknownAccountGetsTheSameAnswersAsAnExistingOne() throws IOException {
        String known = aUser();
        String unknown = "gissa-finns-inte-" + NEXT.incrementAndGet();
        usedNames.add(unknown);
        FromAddress a = from("127.0.0.23");
        FromAddress b = from("127.0.0.24");
        var knownAnswers = new ArrayList<String>();
        var unknownAnswers = new ArrayList<String>();
        long knownNanos = 0;
        long unknownNanos = 0;
        for (int i = 0; i < 12; i++) {
            long t0 = System.nanoTime();
            var k = a.apiGet("/api/v1/organisations", known, "fel-losenord-" + i);
            long t1 = System.nanoTime();
            var u = b.apiGet("/api/v1/organisations", unknown, "fel-losenord-" + i);
            long t2 = System.nanoTime();
            if (i < 4) {
                knownNanos += t1 - t0;
                unknownNanos += t2 - t1;
            }
            knownAnswers.add(k.status() + " " + roundedRetryAfter(k) + " " + k.body());
            unknownAnswers.add(u.status() + " " + roundedRetryAfter(u) + " " + u.body());
        }

        assertThat(unknownAnswers).isEqualTo(knownAnswers);
        assertThat(knownAnswers).anyMatch(s -> s.startsWith("429"));
        // a password is hashed for an unknown account too, so the answer takes about as long
        assertThat((double) unknownNanos / knownNanos).isBetween(0.33, 3.0);
    }

    @Test
    void guessingAcrossAccountsFromOneAddressIsThrottledAndXForwardedForDoesNotHelp() throws IOException {
        String victim = aUser();
        FromAddress guesser = from("127.0.0.25");
        for (int i = 0; i < settings.address().lockAfter(); i++) {
            String name = "gissa-spridd-" + NEXT.incrementAndGet();
            usedNames.add(name);
            guesser.apiGet("/api/v1/organisations", name, "fel-losenord");
        }

        var right = guesser.apiGet("/api/v1/organisations", victim, PASSWORD);
        var spoofed = guesser.get("/api/v1/organisations", List.of("X-Forwarded-For: 10.9.8.7",
                "Authorization: Basic " + java.util.Base64.getEncoder()
                        .encodeToString((victim + ":" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        var elsewhere = from("127.0.0.26").apiGet("/api/v1/organisations", victim, PASSWORD);

        assertThat(right.status()).as("the address is locked, whichever account it names").isEqualTo(429);
        assertThat(spoofed.status()).as("X-Forwarded-For is not trusted unless configured").isEqualTo(429);
        assertThat(elsewhere.status()).as("the account itself is not locked").isEqualTo(200);
    }

    @Test
    void aSuccessfulLoginClearsTheAccountsFailures() throws IOException {
        String user = aUser();
        FromAddress client = from("127.0.0.27");
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < settings.account().delayAfter() - 1; i++) {
                assertThat(client.apiGet("/api/v1/organisations", user, "fel-losenord").status()).isEqualTo(401);
            }
            assertThat(client.apiGet("/api/v1/organisations", user, PASSWORD).status()).as("round %d", round)
                    .isEqualTo(200);
        }
    }

    @Test
    void guessesSentInParallelGetNoMorePasswordChecksThanTheLockAllows() throws Exception {
        String user = aUser();
        FromAddress client = from("127.0.0.29");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        try {
            var answers = new ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 40; i++) {
                String guess = "fel-losenord-" + i;
                answers.add(pool.submit(() -> client.apiGet("/api/v1/organisations", user, guess).status()));
            }
            for (var a : answers) {
                assertThat(a.get()).isIn(401, 429);
            }
        } finally {
            pool.shutdown();
        }

        assertThat(failuresLogged(user)).isLessThanOrEqualTo(settings.account().lockAfter());
        assertThat(client.apiGet("/api/v1/organisations", user, PASSWORD).status()).isEqualTo(429);
    }

    @Test
    void rightPasswordsSentInParallelAreNotTakenForGuesses() throws Exception {
        String user = aUser();
        FromAddress client = from("127.0.0.30");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var answers = new ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 24; i++) {
                answers.add(pool.submit(() -> client.apiGet("/api/v1/organisations", user, PASSWORD).status()));
            }
            for (var a : answers) {
                assertThat(a.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        for (int i = 0; i < settings.account().delayAfter(); i++) {
            assertThat(client.apiGet("/api/v1/organisations", user, "fel-losenord").status()).isEqualTo(401);
        }
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsAWrongPasswordNotAnError() throws IOException {
        String user = aUser();
        var answer = from("127.0.0.31").apiGet("/api/v1/organisations", user, "å".repeat(100));
        assertThat(answer.status()).isEqualTo(401);
        assertThat(failuresLogged(user)).isEqualTo(1);
    }

    @Test
    void theLockEndsAfterItsDurationAndTheNextFailureLocksAgain() throws IOException {
        String user = aUser();
        String address = "127.0.0.28";
        FromAddress client = from(address);
        for (int i = 0; i < 12; i++) {
            client.apiGet("/api/v1/organisations", user, "fel-losenord");
        }
        assertThat(client.apiGet("/api/v1/organisations", user, PASSWORD).status()).isEqualTo(429);

        var almost = new LoginThrottle(jdbc, settings, Clock.offset(clock, Duration.ofMinutes(14)));
        var after = new LoginThrottle(jdbc, settings, Clock.offset(clock, Duration.ofMinutes(15).plusSeconds(2)));

        assertThat(almost.admit(user, address)).as("14 minutes later").isPresent();
        assertThat(after.admit(user, address)).as("15 minutes later").isEmpty();
        after.failed(user, address);
        assertThat(after.admit(user, address)).as("one more failure after the lock").isPresent()
                .hasValueSatisfying(d -> assertThat(d).isGreaterThan(Duration.ofMinutes(14)));
    }

    private static long roundedRetryAfter(FromAddress.Response r) {
        String s = r.header("retry-after");
        return s == null ? -1 : (Long.parseLong(s) + 30) / 60;
    }

    private long failuresLogged(String user) {
        return jdbc.sql("SELECT count(*) FROM login_event WHERE kind = 'FAILURE' AND username = ?").param(user)
                .query(Long.class).single();
    }

    private FromAddress from(String address) {
        usedAddresses.add(address);
        return new FromAddress(address, port);
    }

    private String aUser() {
        String username = "gissa-" + NEXT.incrementAndGet() + "-" + System.nanoTime() % 100000;
        usedNames.add(username);
        organisations.createUser(new NewUser(username, PASSWORD, "Gissa Gissasson", Role.ANALYST,
                organisations.organisations().get(0).id(), null));
        return username;
    }
}
