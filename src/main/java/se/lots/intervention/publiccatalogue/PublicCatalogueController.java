package se.lots.intervention.publiccatalogue;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import se.lots.intervention.catalogue.FacetView;
import se.lots.intervention.catalogue.InterventionKind;
import se.lots.intervention.catalogue.InterventionQuery;
import se.lots.reference.ReferenceData;

/**
 * The public catalogue a municipality can link from its website: no login, no personal data, cacheable by browsers
 * and proxies for five minutes. Its pages never show who is logged in, so a shared cache cannot leak a session.
 */
@Controller
class PublicCatalogueController {

    static final String CACHE_CONTROL = "public, max-age=300";

    private final PublicCatalogue catalogue;
    private final ReferenceData reference;
    private final MessageSource messages;

    PublicCatalogueController(PublicCatalogue catalogue, ReferenceData reference, MessageSource messages) {
        this.catalogue = catalogue;
        this.reference = reference;
        this.messages = messages;
    }

    @GetMapping("/katalog")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String age,
            @RequestParam(required = false) List<String> need, @RequestParam(required = false) List<String> kind,
            @RequestParam(required = false) List<String> provider, @RequestParam(required = false) List<String> party,
            @RequestParam(required = false) List<String> area, @RequestParam(required = false) Boolean open,
            @RequestParam(required = false) Boolean kaa, @RequestParam(required = false) Integer page, Model model,
            Locale locale, jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response) {
        var query = InterventionQuery.parse(q, age, need, kind, provider, party, area, open, kaa, false, page);
        var hits = catalogue.search(query);
        model.addAttribute("query", query);
        model.addAttribute("hits", hits);
        model.addAttribute("pagerQuery", FacetView.pagerQuery(request.getQueryString()));
        model.addAttribute("facets", catalogue.facets(query, hits, reference, messages, locale));
        model.addAttribute("action", "/katalog");
        model.addAttribute("selfPath", "/katalog");
        cacheable(response);
        return "intervention/public-list";
    }

    @GetMapping("/katalog/{id:\\d+}")
    String one(@PathVariable long id, Model model, HttpServletResponse response) {
        model.addAttribute("i", catalogue.intervention(id));
        model.addAttribute("reference", reference);
        model.addAttribute("selfPath", "/katalog/" + id);
        cacheable(response);
        return "intervention/public-one";
    }

    @GetMapping("/katalog/begrepp")
    String glossary(Model model, HttpServletResponse response) {
        model.addAttribute("kinds", InterventionKind.values());
        model.addAttribute("selfPath", "/katalog/begrepp");
        cacheable(response);
        return "intervention/public-glossary";
    }

    private static void cacheable(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        // the language comes from a cookie (or ?lang=)
        response.setHeader(HttpHeaders.VARY, "Cookie");
    }
}
