package se.lots.web.internal;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Swedish unless the user picks English ({@code ?lang=en}), remembered in a cookie; the page scripts under /js. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale SWEDISH = Locale.forLanguageTag("sv");

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver("lots-lang");
        resolver.setDefaultLocale(SWEDISH);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    // the page scripts: spring.mvc.static-path-pattern serves /css only (see application.yml), and the
    // Content-Security-Policy wants every script in a file of Lots' own. The WebJars (GOV.UK Frontend, htmx) are
    // linked without their version; the chain's LiteWebJarsResourceResolver finds it when a file is asked for, and
    // its cache keeps what it found. Spring Boot's own /webjars handler steps aside for this one.
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/").resourceChain(true);
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
        registry.addInterceptor(new TextInputFilter.Refusal());
    }
}
