package se.lots.organisation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import se.lots.shared.FieldError;

/**
 * What a password must be, after NIST SP 800-63B rev. 4 §3.1.1.2: long enough, any printable characters and
 * spaces, no composition rules (no "a digit and a capital"), and not common, leaked or built on this service's
 * own words. Minimum 15 characters because a password is the only factor in Lots (800-63B: 15 for single-factor,
 * 8 only as part of multi-factor). Characters are counted as Unicode code points.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 15;
    static final int MAX_LENGTH = 64;
    // bcrypt reads no more than 72 bytes and Spring Security refuses longer ones: a passphrase full of å, ä and ö
    // can be 64 characters and still over 72 bytes
    static final int MAX_BYTES = 72;
    /** Published in the README: the demo area's users have it, nobody else may. */
    static final String DEMO_PASSWORD = "lots-demo-2026";
    private static final List<String> SERVICE_WORDS = List.of("lots", "lotsdemo", "lösenord", "losenord",
        "svalöv", "finsam");
    private static final List<String> RUNS = List.of("01234567890123456789012345678901234567890123456789",
        "abcdefghijklmnopqrstuvwxyzåäö", "qwertyuiopåasdfghjklöäzxcvbnm", "qwertyuiopasdfghjklzxcvbnm",
        "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p");

    private final Set<String> common;

    private PasswordPolicy(Set<String> common) {
        this.common = common;
    }

    private static final PasswordPolicy SHIPPED = new PasswordPolicy(load("/organisation/common-passwords.txt"));

    /** With the list of common and leaked passwords shipped in the jar. */
    static PasswordPolicy shipped() {
        return SHIPPED;
    }

    /** Why {@code password} cannot be {@code username}'s, as an error on the field {@code password}; empty if it can. */
    Optional<FieldError> check(String password, String username) {
        if (password == null || password.isEmpty()) {
            return error("validation.required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return error("user.passwordTooShort", MIN_LENGTH);
        }
        if (length > MAX_LENGTH) {
            return error("user.passwordTooLong", MAX_LENGTH);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return error("user.passwordTooManyBytes", MAX_BYTES);
        }
        if (password.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                || Character.getType(c) == Character.UNASSIGNED || Character.getType(c) == Character.SURROGATE)) {
            return error("user.passwordUnprintable");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String letters = lower.codePoints().filter(Character::isLetter)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (lower.contains(DEMO_PASSWORD) || lower.contains("lots-demo") || SERVICE_WORDS.contains(letters)
                || (name.length() >= 3 && (lower.contains(name) || letters.equals(lettersOf(name))))) {
            return error("user.passwordContext");
        }
        if (repeats(lower) || RUNS.stream().anyMatch(r -> r.contains(lower) || reversed(r).contains(lower))) {
            return error("user.passwordPredictable");
        }
        // a common password with digits or signs around it ("Password2026!!!") is as good as guessed
        if (common.contains(lower) || common.contains(core(lower)) || common.contains(lower.replace(" ", ""))) {
            return error("user.passwordCommon");
        }
        return Optional.empty();
    }

    /** A block of one to four characters over and over: aaaaaaa, abababab, 123123123. */
    private static boolean repeats(String s) {
        int[] c = s.codePoints().toArray();
        for (int block = 1; block <= 4; block++) {
            boolean repeated = true;
            for (int i = block; i < c.length && repeated; i++) {
                repeated = c[i] == c[i % block];
            }
            if (repeated) {
                return true;
            }
        }
        return false;
    }

    /** Without the digits, signs and spaces around it. */
    private static String core(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && !Character.isLetter(s.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetter(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static String lettersOf(String s) {
        return s.codePoints().filter(Character::isLetter)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static String reversed(String s) {
        return new StringBuilder(s).reverse().toString();
    }

    private static Optional<FieldError> error(String key, Object... arguments) {
        return Optional.of(new FieldError("password", key, arguments));
    }

    private static Set<String> load(String resource) {
        var words = new HashSet<String>(40_000);
        try (var in = PasswordPolicy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.lines().filter(l -> !l.startsWith("# ") && !l.isBlank())
                    .forEach(l -> words.add(l.strip().toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
