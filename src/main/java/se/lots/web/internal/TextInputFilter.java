package se.lots.web.internal;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerInterceptor;

import se.lots.shared.InvalidInputException;
import se.lots.shared.TextInput;

/**
 * Form and query parameters as controllers see them: normalised by {@link TextInput} for every parameter (also those
 * read as a map), and refused, field named, before any handler runs when one holds a control or invisible character.
 * Passwords are left exactly as typed: they are compared, never displayed.
 */
@Component
class TextInputFilter extends OncePerRequestFilter {

    static boolean exempt(String name) {
        return name != null && name.toLowerCase(Locale.ROOT).contains("password");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new Normalised(request), response);
    }

    /** Registered in {@link WebConfiguration}: the refusal goes through the API's or the pages' error handler. */
    static final class Refusal implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            request.getParameterMap().forEach((name, values) -> {
                if (exempt(name)) {
                    return;
                }
                int refused = TextInput.firstRefused(name);
                for (int i = 0; refused < 0 && i < values.length; i++) {
                    refused = TextInput.firstRefused(values[i]);
                }
                if (refused >= 0) {
                    throw new InvalidInputException(List.of(TextInput.error(name, refused)));
                }
            });
            return true;
        }
    }

    private static final class Normalised extends HttpServletRequestWrapper {

        private Map<String, String[]> parameters;

        Normalised(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            String[] values = getParameterMap().get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = getParameterMap().get(name);
            return values == null ? null : values.clone();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            // read on first use, not in the constructor: the body of a form is read only when someone asks
            if (parameters == null) {
                var normalised = new LinkedHashMap<String, String[]>();
                super.getParameterMap().forEach((name, values) -> {
                    String[] copy = values.clone();
                    if (!exempt(name)) {
                        for (int i = 0; i < copy.length; i++) {
                            copy[i] = TextInput.normalise(copy[i]);
                        }
                    }
                    normalised.put(name, copy);
                });
                parameters = Collections.unmodifiableMap(normalised);
            }
            return parameters;
        }
    }
}
