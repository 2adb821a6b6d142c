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
 * then (when the suite has used those 472) people born 1990–1995, aged 30 or more as well, each number once per run,
 * so tests never collide with the demo data or with each other.
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
            List<String> all = reader.lines().skip(1).map(String::trim).filter(s -> s.length() == 12).toList();
            var numbers = new java.util.ArrayList<>(all.stream()
                    .filter(s -> s.compareTo("1960") >= 0 && s.compareTo("1990") < 0).toList());
            numbers.addAll(all.stream().filter(s -> s.compareTo("1990") >= 0 && s.compareTo("1996") < 0).toList());
            return List.copyOf(numbers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
