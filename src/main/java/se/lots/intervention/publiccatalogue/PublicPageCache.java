package se.lots.intervention.publiccatalogue;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The rendered pages of the public list {@code /katalog}, kept per (query string, language) and served without
 * running the controller or the template again, until the catalogue changes ({@code catalogue_change.stamp},
 * V22), the day changes, or {@link #MAX_AGE_MS} has passed (occupancy counted from enrolments is not in the stamp).
 * Safe to share between visitors because the public frame never shows who is logged in and its forms are GET
 * forms without a CSRF token (the same reason the page may say {@code Cache-Control: public}). Free-text searches,
 * deep pages, language switches ({@code ?lang=}) and long query strings are not kept, and at most
 * {@link #MAX_PAGES} pages are, so a stranger cannot fill the memory with distinct URLs.
 */
@Component
class PublicPageCache extends OncePerRequestFilter {

    static final int MAX_PAGES = 500;
    static final long MAX_AGE_MS = 60_000;
    private static final int MAX_QUERY = 300;

    private record Key(String query, String language) {
    }

    private record Page(long stamp, LocalDate day, long renderedAt, String contentType, byte[] body) {
    }

    private final PublicCatalogue catalogue;
    private final LocaleResolver locales;
    private final Clock clock;
    private final Map<Key, Page> pages = new ConcurrentHashMap<>();

    PublicPageCache(PublicCatalogue catalogue, LocaleResolver locales, Clock clock) {
        this.catalogue = catalogue;
        this.locales = locales;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String query = request.getQueryString();
        return !"GET".equals(request.getMethod()) || !"/katalog".equals(request.getRequestURI())
                || (query != null && (query.length() > MAX_QUERY || cacheableNot(query)));
    }

    /** A free text ({@code q=} not empty), a language switch or a deep page: rendered every time. */
    private static boolean cacheableNot(String query) {
        for (String p : query.split("&")) {
            if ((p.startsWith("q=") && p.length() > 2) || p.startsWith("lang=")
                    || (p.startsWith("page=") && !p.matches("page=1?[0-9]"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Locale locale = locales.resolveLocale(request);
        var key = new Key(request.getQueryString() == null ? "" : request.getQueryString(), locale.getLanguage());
        long stamp = catalogue.stamp();
        LocalDate today = LocalDate.now(clock);
        long now = clock.millis();
        Page page = pages.get(key);
        if (page != null && page.stamp() == stamp && page.day().equals(today)
                && now - page.renderedAt() < MAX_AGE_MS) {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(page.contentType());
            response.setHeader(HttpHeaders.CACHE_CONTROL, PublicCatalogueController.CACHE_CONTROL);
            response.setHeader(HttpHeaders.VARY, "Cookie");
            response.setHeader("X-Lots-Page-Cache", "hit");
            response.setContentLength(page.body().length);
            response.getOutputStream().write(page.body());
            return;
        }
        var captured = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, captured);
        String type = captured.getContentType();
        if (pages.size() >= MAX_PAGES) {
            pages.values().removeIf(p -> p.stamp() != stamp || !p.day().equals(today));
        }
        if (captured.getStatus() == HttpServletResponse.SC_OK && type != null && type.startsWith("text/html")
                && (pages.size() < MAX_PAGES || pages.containsKey(key))) {
            // stamped with the value read before rendering: a write in between makes the page newer, never older
            pages.put(key, new Page(stamp, today, now, type, captured.getContentAsByteArray()));
        }
        captured.copyBodyToResponse();
    }

    /** Pages kept now (for tests). */
    int size() {
        return pages.size();
    }
}
