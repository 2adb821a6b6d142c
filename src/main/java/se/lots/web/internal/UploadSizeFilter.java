package se.lots.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.LocaleResolver;

/**
 * An upload over the multipart limits ({@code spring.servlet.multipart}) is answered here, before Spring Security:
 * Tomcat refuses such a body before reading its parts, so the CSRF filter's first look at a parameter threw and the
 * user got a 500 (issue 20). The page goes back to its form with the message where the form shows a file's errors
 * ({@code fileError}); an API client gets 413 and JSON. Tomcat reads and drops the rest of the body
 * ({@code server.tomcat.max-swallow-size}) so that the browser sees the answer rather than a reset connection.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class UploadSizeFilter extends OncePerRequestFilter {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final FlashMapManager flashMaps;
    private final DataSize maxFileSize;

    UploadSizeFilter(MessageSource messages, LocaleResolver locales, FlashMapManager flashMaps,
            @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize) {
        this.messages = messages;
        this.locales = locales;
        this.flashMaps = flashMaps;
        this.maxFileSize = maxFileSize;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !"POST".equals(request.getMethod()) || type == null
                || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParts();
        } catch (IllegalStateException | IOException | ServletException e) {
            if (overSizeLimit(e)) {
                tooLarge(request, response);
                return;
            }
            // any other broken body meets the same failure further on, as it did before this filter
        }
        chain.doFilter(request, response);
    }

    /** Tomcat's SizeLimitExceededException (the request) or FileSizeLimitExceededException (one file). */
    private static boolean overSizeLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().endsWith("SizeLimitExceededException")) {
                return true;
            }
        }
        return false;
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        var locale = api ? WebConfiguration.SWEDISH : locales.resolveLocale(request);
        String text = messages.getMessage("file.tooLarge", new Object[] { maxFileSize.toMegabytes() }, locale);
        if (api) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            // the shape of ApiError; the text is ours and holds no quote or backslash
            response.getWriter().write("{\"errors\":[{\"field\":null,\"message\":\"" + text + "\"}],"
                    + "\"existingId\":null}");
            return;
        }
        // a stranger's upload makes no session; the form it would return to asks for a login anyway
        if (request.getSession(false) != null) {
            var flash = new FlashMap();
            flash.put("fileError", text);
            flash.setTargetRequestPath(request.getRequestURI());
            flashMaps.saveOutputFlashMap(flash, request, response);
        }
        response.setStatus(HttpStatus.SEE_OTHER.value());
        response.setHeader("Location", request.getRequestURI());
    }
}
