package se.lots.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

import se.lots.IntegrationTest;
import se.lots.WebSession;

/**
 * A page's links are written as the template has them: no filter looks each link of each page up in the resource
 * handlers (ResourceUrlEncodingFilter cost 0.05–0.4 ms a link, 8 % of the plan page's CPU in a profile;
 * docs/benchmarks.md, issue 21), and the WebJars' files are still served from links without their version.
 */
@IntegrationTest
class PageLinksIntegrationTest {

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    @Test
    void noFilterRewritesThePagesLinks() {
        assertThat(context.getBeansOfType(ResourceUrlEncodingFilter.class)).isEmpty();
        assertThat(context.getBeanProvider(org.springframework.boot.web.servlet.FilterRegistrationBean.class).stream()
                .map(r -> r.getFilter().getClass().getName())).doesNotContain(ResourceUrlEncodingFilter.class.getName());
    }

    @Test
    void theLoginPageLinksTheWebJarsWithoutTheirVersionAndTheyAreServed() {
        String page = WebSession.anonymous(port).get("/login").body();
        assertThat(page).contains("/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.css")
                .contains("/webjars/htmx.org/dist/htmx.min.js");
        assertThat(WebSession.anonymous(port).get("/webjars/htmx.org/dist/htmx.min.js").statusCode()).isEqualTo(200);
        assertThat(WebSession.anonymous(port).get("/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.css").body())
                .contains(".govuk-button");
    }
}
