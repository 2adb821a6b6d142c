package se.lots.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import se.lots.benchmark.PersonGenerator.GeneratedPerson;

/** The searches a case worker types, drawn from the generated persons so that most of them find someone. */
final class SearchQueries {

    enum Kind {
        PERSONNUMMER_12("personnummer, 12 digits"),
        PERSONNUMMER_10("personnummer, 10 digits with '-'"),
        SURNAME_PART("name part, 3–6 letters of a surname"),
        FIRST_AND_SURNAME_PART("first-name part + surname part"),
        RESERVE_IDENTITY("reserve identity");

        final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    /** {@code target} is the person the query was drawn from; a name part may find many others too. */
    record Query(Kind kind, String text, GeneratedPerson target) {
    }

    // of every ten searches: 2 + 2 by personnummer, 3 by surname part, 2 by first + surname part, 1 by reserve id
    private static final Kind[] ROTATION = { Kind.PERSONNUMMER_12, Kind.SURNAME_PART, Kind.FIRST_AND_SURNAME_PART,
        Kind.PERSONNUMMER_10, Kind.SURNAME_PART, Kind.RESERVE_IDENTITY, Kind.PERSONNUMMER_12,
        Kind.FIRST_AND_SURNAME_PART, Kind.SURNAME_PART, Kind.PERSONNUMMER_10 };

    private final List<GeneratedPerson> visible = new ArrayList<>();
    private final List<GeneratedPerson> visibleWithNumber = new ArrayList<>();
    private final List<GeneratedPerson> visibleWithReserve = new ArrayList<>();
    private final List<GeneratedPerson> othersWithNumber = new ArrayList<>();
    private final Random random;

    /** {@code organisationId}: the searching user's organisation; a tenth of the number searches look elsewhere. */
    SearchQueries(List<GeneratedPerson> persons, long organisationId, long seed) {
        for (GeneratedPerson p : persons) {
            if (p.ownerOrganisationId() == organisationId) {
                visible.add(p);
                (p.hasPersonnummer() ? visibleWithNumber : visibleWithReserve).add(p);
            } else if (p.hasPersonnummer()) {
                othersWithNumber.add(p);
            }
        }
        if (visibleWithNumber.isEmpty() || visibleWithReserve.isEmpty()) {
            throw new IllegalArgumentException("the organisation needs persons with and without personnummer");
        }
        this.random = new Random(seed);
    }

    List<Query> mix(int count) {
        var queries = new ArrayList<Query>(count);
        for (int i = 0; i < count; i++) {
            queries.add(next(ROTATION[i % ROTATION.length]));
        }
        return queries;
    }

    List<Query> of(Kind kind, int count) {
        var queries = new ArrayList<Query>(count);
        for (int i = 0; i < count; i++) {
            queries.add(next(kind));
        }
        return queries;
    }

    Query next(Kind kind) {
        return switch (kind) {
            case PERSONNUMMER_12 -> {
                GeneratedPerson p = numberTarget();
                yield new Query(kind, p.personnummer(), p);
            }
            case PERSONNUMMER_10 -> {
                GeneratedPerson p = numberTarget();
                yield new Query(kind, p.personnummer().substring(2, 8) + "-" + p.personnummer().substring(8), p);
            }
            case SURNAME_PART -> {
                GeneratedPerson p = any(visible);
                yield new Query(kind, casing(fragment(p.lastName(), 3, 6)), p);
            }
            case FIRST_AND_SURNAME_PART -> {
                GeneratedPerson p = any(visible);
                String first = p.firstName().split(" ")[0];
                yield new Query(kind, casing(first.substring(0, Math.min(first.length(), 2 + random.nextInt(3))))
                        + " " + casing(fragment(p.lastName(), 3, 5)), p);
            }
            case RESERVE_IDENTITY -> {
                GeneratedPerson p = any(visibleWithReserve);
                yield new Query(kind, p.reserveIdentity(), p);
            }
        };
    }

    private GeneratedPerson numberTarget() {
        return othersWithNumber.isEmpty() || random.nextInt(10) != 0 ? any(visibleWithNumber) : any(othersWithNumber);
    }

    private GeneratedPerson any(List<GeneratedPerson> persons) {
        return persons.get(random.nextInt(persons.size()));
    }

    /** A run of {@code min}–{@code max} letters from one word of the surname (all of it when it is shorter). */
    private String fragment(String surname, int min, int max) {
        String[] words = surname.split("[ -]");
        String word = words[random.nextInt(words.length)];
        if (word.length() <= min) {
            return word;
        }
        int length = Math.min(word.length(), min + random.nextInt(max - min + 1));
        int start = random.nextInt(word.length() - length + 1);
        return word.substring(start, start + length);
    }

    // people type in any case; the service lower-cases
    private String casing(String s) {
        return switch (random.nextInt(3)) {
            case 0 -> s.toLowerCase(Locale.ROOT);
            case 1 -> s.toUpperCase(Locale.ROOT);
            default -> s;
        };
    }
}
