package se.lots.benchmark;

import java.util.Arrays;
import java.util.Locale;

/** Response times of one kind of search, in nanoseconds; percentiles by nearest rank. */
final class Latencies {

    private long[] nanos = new long[256];
    private int size;
    private long hits;
    private int empty;

    void add(long elapsedNanos, int found) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = elapsedNanos;
        hits += found;
        if (found == 0) {
            empty++;
        }
    }

    int count() {
        return size;
    }

    double meanHits() {
        return size == 0 ? 0 : (double) hits / size;
    }

    int empty() {
        return empty;
    }

    double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size, rank) - 1)] / 1e6;
    }

    double maxMillis() {
        return percentileMillis(100);
    }

    double meanMillis() {
        return size == 0 ? Double.NaN : Arrays.stream(nanos, 0, size).average().orElse(0) / 1e6;
    }

    String row(String label) {
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %d | %.2f | %.2f | %.2f | %.2f | %.2f |", label, size,
                meanHits(), empty, meanMillis(), percentileMillis(50), percentileMillis(95), percentileMillis(99),
                maxMillis());
    }

    /** All the response times of several (one per concurrent session) as one. */
    static Latencies merge(java.util.List<Latencies> parts) {
        var all = new Latencies();
        for (Latencies l : parts) {
            for (int i = 0; i < l.size; i++) {
                all.add(l.nanos[i], 0);
            }
            all.hits += l.hits;
            all.empty += l.empty - l.size;
        }
        return all;
    }

    static String header() {
        return """
                | kind | searches | hits/page | no hit | mean ms | p50 ms | p95 ms | p99 ms | max ms |
                |---|---:|---:|---:|---:|---:|---:|---:|---:|""";
    }
}
