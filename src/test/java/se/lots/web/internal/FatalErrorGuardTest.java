package se.lots.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * How an Error thrown by a controller travels: Spring MVC wraps it in a ServletException, and the error pages'
 * {@code @ExceptionHandler(Exception.class)} answers it with a 500 page as if it were any exception, so the server
 * went on. The guard, first among the resolvers, sees it there and stops the process (here: records it).
 */
class FatalErrorGuardTest {

    @Controller
    static class Failing {

        @GetMapping("/oom")
        String outOfMemory() {
            throw new OutOfMemoryError("simulated");
        }

        @GetMapping("/bug")
        String bug() {
            throw new IllegalStateException("an ordinary bug");
        }
    }

    private final List<Throwable> stopped = new ArrayList<>();

    private org.springframework.test.web.servlet.MockMvc mvc() {
        var context = new StaticWebApplicationContext();
        context.registerBean("pageErrorHandler", PageErrorHandler.class,
                () -> new PageErrorHandler(new org.springframework.context.support.StaticMessageSource()));
        context.refresh();
        var pages = new ExceptionHandlerExceptionResolver();
        pages.setApplicationContext(context);
        pages.afterPropertiesSet();
        var guard = new FatalErrorGuard(stopped::add);
        return MockMvcBuilders.standaloneSetup(new Failing()).setHandlerExceptionResolvers(guard, pages)
                .addFilters(guard).build();
    }

    @Test
    void anErrorInAControllerStopsTheProcessThoughTheErrorPageAnswersIt() throws Exception {
        mvc().perform(get("/oom")).andExpect(status().isInternalServerError());

        assertThat(stopped).singleElement().satisfies(e -> assertThat(e).hasRootCauseInstanceOf(OutOfMemoryError.class));
    }

    @Test
    void anOrdinaryExceptionOnlyGetsTheErrorPage() throws Exception {
        mvc().perform(get("/bug")).andExpect(status().isInternalServerError());

        assertThat(stopped).isEmpty();
    }
}
