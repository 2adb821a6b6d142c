package se.lots.intervention.catalogue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

import se.lots.intervention.Need;
import se.lots.intervention.Provider;
import se.lots.organisation.PartyType;
import se.lots.reference.ReferenceData;

/**
 * The facets of a search as a page shows them: each option with its label, its count and whether it is chosen.
 * {@code hidden} is the number of options left out (only the provider facet leaves any out, see
 * {@link #PROVIDER_OPTIONS}).
 */
public record FacetView(String param, String titleKey, boolean single, List<Option> options, int hidden) {

    /**
     * The most providers offered as a drop-down. With 2 000 providers an unfiltered page listed them all: 2 000
     * options, most of a 148 kB page and of its rendering time, and no one picks from a list that long. Beyond this
     * the page asks to narrow the search first (a chosen provider is always listed, so it can be unchosen).
     */
    public static final int PROVIDER_OPTIONS = 100;

    FacetView(String param, String titleKey, boolean single, List<Option> options) {
        this(param, titleKey, single, options, 0);
    }

    /** {@code countText} is the count as the page shows it ("(12)"), formatted here once rather than per render. */
    public record Option(String value, String label, long count, boolean chosen, String countText) {
    }

    /** The request's query string without its page, ready for "&page=n" to be added. */
    public static String pagerQuery(String queryString) {
        if (queryString == null || queryString.isBlank()) {
            return "";
        }
        String rest = java.util.Arrays.stream(queryString.split("&")).filter(p -> !p.startsWith("page="))
                .collect(java.util.stream.Collectors.joining("&"));
        return rest.isEmpty() ? "" : rest + "&";
    }

    public static List<FacetView> of(InterventionHits hits, InterventionQuery q, List<Need> needs,
            List<Provider> providers, ReferenceData reference, MessageSource messages, Locale locale) {
        var counts = new java.util.HashMap<Long, String>();
        java.util.function.LongFunction<String> countText = n -> counts.computeIfAbsent(n,
                k -> messages.getMessage("intervention.facet.count", new Object[] { k }, locale));
        var kinds = new ArrayList<Option>();
        for (InterventionKind k : InterventionKind.values()) {
            long count = hits.count("kind", k.name());
            kinds.add(new Option(k.name(), messages.getMessage("intervention.kind." + k.name(), null, locale),
                    count, q.kinds().contains(k), countText.apply(count)));
        }
        var needOptions = new ArrayList<Option>();
        for (Need n : needs) {
            if (n.active() || q.needs().contains(n.id())) {
                needOptions.add(new Option(String.valueOf(n.id()), n.name(), hits.count("need", n.id()),
                        q.needs().contains(n.id()), countText.apply(hits.count("need", n.id()))));
            }
        }
        var parties = new ArrayList<Option>();
        for (PartyType t : PartyType.values()) {
            long count = hits.count("party", t.name());
            if (count > 0 || q.partyTypes().contains(t)) {
                parties.add(new Option(t.name(), messages.getMessage("partyType." + t.name(), null, locale), count,
                        q.partyTypes().contains(t), countText.apply(count)));
            }
        }
        // providers and municipalities: only those with hits (or chosen), there may be thousands of providers
        var providerOptions = providers.stream()
                .filter(p -> hits.count("provider", p.id()) > 0 || q.providers().contains(p.id()))
                .map(p -> new Option(String.valueOf(p.id()), p.name(), hits.count("provider", p.id()),
                        q.providers().contains(p.id()), countText.apply(hits.count("provider", p.id()))))
                .toList();
        int hiddenProviders = 0;
        if (providerOptions.size() > PROVIDER_OPTIONS) {
            var chosen = providerOptions.stream().filter(Option::chosen).toList();
            hiddenProviders = providerOptions.size() - chosen.size();
            providerOptions = chosen;
        }
        var areas = hits.facets().getOrDefault("area", Map.of()).keySet().stream()
                .filter(code -> reference.municipality(code).isPresent())
                .map(code -> new Option(code, reference.municipality(code).orElseThrow().name(),
                        hits.count("area", code), q.municipalities().contains(code),
                        countText.apply(hits.count("area", code))))
                .sorted(Comparator.comparing(Option::label))
                .toList();
        return List.of(new FacetView("kind", "intervention.facet.kind", false, kinds),
                new FacetView("need", "intervention.facet.need", false, needOptions),
                new FacetView("party", "intervention.facet.party", false, parties),
                new FacetView("provider", "intervention.facet.provider", true, providerOptions, hiddenProviders),
                new FacetView("area", "intervention.facet.area", true, areas));
    }
}
