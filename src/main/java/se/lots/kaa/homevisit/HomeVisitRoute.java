package se.lots.kaa.homevisit;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.lots.reference.PostalArea;
import se.lots.reference.PostalAreas;

/**
 * A home-visit day's route: the persons who may be visited, grouped by postal area (postort, from the postal code)
 * so that two staff members can take one area at a time, and ordered within an area by postal code, street and
 * house number. Who may not be visited is listed with the reason and never gets an address on anything.
 */
public final class HomeVisitRoute {

    /** Why someone chosen cannot be on a route. */
    public enum Refusal {
        // the address is secret (skyddad folkbokföring): no visit, no route, no card, ever
        PROTECTED_IDENTITY,
        NO_ADDRESS
    }

    /** One postal area: its postort and municipality (null municipality: the postal code is not in the list). */
    public record Group(String locality, String municipalityName, List<HomeVisitStop> stops) {
    }

    public record Refused(UUID personId, UUID episodeId, String name, Refusal reason) {
    }

    public record Route(List<Group> groups, List<Refused> refused) {

        public List<HomeVisitStop> stops() {
            return groups.stream().flatMap(g -> g.stops().stream()).toList();
        }

        public int size() {
            return stops().size();
        }
    }

    private static final Pattern STREET_NUMBER = Pattern.compile("^(.*?)\\s+(\\d+)\\s*(.*)$");
    private static final Collator SWEDISH = swedish();

    private HomeVisitRoute() {
    }

    public static Route of(List<HomeVisitStop> chosen, Function<String, Optional<PostalArea>> areas) {
        var refused = new ArrayList<Refused>();
        var byArea = new LinkedHashMap<String, List<HomeVisitStop>>();
        var areaOf = new LinkedHashMap<String, PostalArea>();
        for (HomeVisitStop s : chosen) {
            if (s.protectedIdentity()) {
                refused.add(new Refused(s.personId(), s.episodeId(), s.name(), Refusal.PROTECTED_IDENTITY));
                continue;
            }
            if (!s.hasAddress()) {
                refused.add(new Refused(s.personId(), s.episodeId(), s.name(), Refusal.NO_ADDRESS));
                continue;
            }
            Optional<PostalArea> area = areas.apply(s.postalCode());
            // an unknown code still goes out, in an area named by the address's own postort
            String key = area.map(a -> "1|" + a.municipalityCode() + "|" + a.locality())
                    .orElse("2|" + (s.city() == null ? "" : s.city().strip()));
            area.ifPresent(a -> areaOf.putIfAbsent(key, a));
            byArea.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
        }
        var groups = new ArrayList<Group>();
        byArea.forEach((key, stops) -> {
            stops.sort(WITHIN_AREA);
            PostalArea a = areaOf.get(key);
            groups.add(a != null ? new Group(a.locality(), a.municipalityName(), List.copyOf(stops))
                    : new Group(stops.get(0).city() == null ? "" : stops.get(0).city().strip(), null,
                            List.copyOf(stops)));
        });
        groups.sort(Comparator.comparing((Group g) -> g.municipalityName() == null)
                .thenComparing(g -> code(g.stops().get(0).postalCode()))
                .thenComparing(Group::locality, SWEDISH));
        refused.sort(Comparator.comparing(Refused::name, SWEDISH));
        return new Route(List.copyOf(groups), List.copyOf(refused));
    }

    static final Comparator<HomeVisitStop> WITHIN_AREA = Comparator
            .comparing((HomeVisitStop s) -> code(s.postalCode()))
            .thenComparing(s -> streetName(s.street()), SWEDISH)
            .thenComparingInt(s -> houseNumber(s.street()))
            .thenComparing(s -> houseRest(s.street()), SWEDISH)
            .thenComparing(HomeVisitStop::name, SWEDISH);

    private static String code(String postalCode) {
        String c = PostalAreas.normalise(postalCode);
        return c != null ? c : "99999" + (postalCode == null ? "" : postalCode);
    }

    private static String streetName(String street) {
        Matcher m = STREET_NUMBER.matcher(street.strip());
        return m.matches() ? m.group(1) : street.strip();
    }

    private static int houseNumber(String street) {
        Matcher m = STREET_NUMBER.matcher(street.strip());
        if (!m.matches()) {
            return 0;
        }
        try {
            return Integer.parseInt(m.group(2));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static String houseRest(String street) {
        Matcher m = STREET_NUMBER.matcher(street.strip());
        return m.matches() ? m.group(3) : "";
    }

    private static Collator swedish() {
        Collator c = Collator.getInstance(Locale.forLanguageTag("sv-SE"));
        c.setStrength(Collator.SECONDARY);
        return c;
    }
}
