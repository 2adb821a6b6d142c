package se.lots;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Skatteverket's test personnummer for tests. Demo data uses people aged 16–29; tests take people born 1960–1989,
 * each number once per run, so tests never collide with the demo data or with each other.
 */
public final class TestNumbers {

    private static final List<String> NUMBERS = load();
    private static final AtomicInteger NEXT = new AtomicInteger();

    private TestNumbers() {
    }

    public static String next() {
        return NUMBERS.get(NEXT.getAndIncrement());
    }

    public static List<String> all() {
        return NUMBERS;
    }

    private static List<String> load() {
        try (var reader = new BufferedReader(new InputStreamReader(
                TestNumbers.class.getResourceAsStream("/reference/testpersonnummer.csv"), StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).map(String::trim)
                    .filter(s -> s.length() == 12 && s.compareTo("1960") >= 0 && s.compareTo("1990") < 0).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
