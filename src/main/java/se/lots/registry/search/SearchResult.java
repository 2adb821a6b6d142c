package se.lots.registry.search;

import java.util.List;

/** A page of persons; {@code total} is exact up to {@link #COUNT_CAP}, above that users see "more than 1000". */
public record SearchResult(List<PersonSummary> persons, int page, int pageSize, long total) {

    public static final int COUNT_CAP = 1000;

    public boolean totalCapped() {
        return total > COUNT_CAP;
    }

    public int pages() {
        return (int) Math.max(1, (Math.min(total, COUNT_CAP) + pageSize - 1) / pageSize);
    }

    public boolean hasNext() {
        return (long) (page + 1) * pageSize < Math.min(total, COUNT_CAP + 1);
    }
}
