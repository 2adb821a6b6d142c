package se.lots.web.internal;

import java.io.IOException;
import java.util.function.Consumer;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Where an Error thrown while answering a request is seen before something swallows it: Spring MVC turns a
 * handler's Error into a ServletException that the error pages' {@code @ExceptionHandler(Exception.class)} answered
 * with a 500 (so the server went on, perhaps half-dead), and Tomcat catches Throwable around its threads' work.
 * As the first {@link HandlerExceptionResolver} and the first filter it hands the Error to {@link FatalErrors}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FatalErrorGuard implements Filter, HandlerExceptionResolver, Ordered {

    private final Consumer<Throwable> exit;

    @Autowired
    FatalErrorGuard() {
        this(FatalErrors::exit);
        FatalErrors.install();
    }

    /** With another way to stop, for a test that must not stop its JVM. */
    FatalErrorGuard(Consumer<Throwable> exit) {
        this.exit = exit;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            if (FatalErrors.isFatal(e)) {
                exit.accept(e);
            }
            throw e;
        }
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception e) {
        if (FatalErrors.isFatal(e)) {
            exit.accept(e);
        }
        // the error pages answer as before, while the process stops
        return null;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
