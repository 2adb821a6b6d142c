package se.lots.security.internal;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RegexRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import se.lots.organisation.Role;
import se.lots.organisation.UserAccounts;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;
import se.lots.security.throttle.LoginThrottle;
import se.lots.security.throttle.LoginThrottledException;
import se.lots.security.throttle.ThrottledPasswordLogin;

@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String[] PERSON_DATA_ROLES = {
        Role.KAA_COORDINATOR.name(), Role.CASE_WORKER.name(), Role.PROGRAMME_LEAD.name() };

    /**
     * Only Lots' own files: no inline script (a stray injected tag does not run), no inline style (the route sheet
     * links its CSS, htmx is told not to inject its indicator style), nothing from elsewhere, and no framing. The
     * data: image is the empty favicon of every page and the icons in Swagger UI's stylesheet.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";
    // Swagger UI (the API's documentation, no personal data) sets styles from its script; only it may
    static final String SWAGGER_UI_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self'",
            "style-src 'self' 'unsafe-inline'");
    /**
     * GOV.UK Frontend's WebJar also holds GOV.UK's brand (the GDS Transport font, the crest, GOV.UK's icons), which
     * only GOV.UK may use (docs/adr/0009-design-system.md): Lots never serves them, with or without the version.
     */
    static final RequestMatcher GOVUK_RESERVED_ASSETS = RegexRequestMatcher.regexMatcher(
            "^/webjars/govuk-frontend/(.*/)?assets([/?].*)?$");
    /**
     * The reserved parts answer 404 to everyone, before any security filter: a denyAll rule would send an anonymous
     * request to the login page, and an entry point of its own would become the only one, so that every page without
     * a login answered 404 instead of going to the login page (caught by the integration tests).
     */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<jakarta.servlet.Filter> govukReservedAssets() {
        jakarta.servlet.Filter filter = (request, response, chain) -> {
            if (GOVUK_RESERVED_ASSETS.matches((jakarta.servlet.http.HttpServletRequest) request)) {
                ((jakarta.servlet.http.HttpServletResponse) response).setStatus(HttpStatus.NOT_FOUND.value());
                return;
            }
            chain.doFilter(request, response);
        };
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(filter);
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    // Lots uses none of these; a page that is made to ask for them is refused by the browser
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    /** The one way a password is checked, on the web form and by HTTP Basic alike. */
    @Bean
    ThrottledPasswordLogin passwordLogin(LotsUserDetailsService users, PasswordEncoder encoder,
            LoginThrottle throttle) {
        return new ThrottledPasswordLogin(users, encoder, throttle);
    }

    /** Machine clients: HTTP Basic (or an OIDC bearer token when configured), no session, JSON errors. */
    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, MessageSource messages, ObjectProvider<JwtDecoder> jwtDecoder,
            UserAccounts users, @Value("${lots.oidc.username-claim:preferred_username}") String usernameClaim)
            throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/v1/organisations/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/v1/users/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/v1/audit/**").hasAnyRole(Role.AUDITOR.name(), Role.ADMIN.name())
                        .requestMatchers("/api/v1/persons/**", "/api/v1/consents/**").hasAnyRole(PERSON_DATA_ROLES)
                        // the KAA register as its pages (/kaa/import/**, /kaa/**) are; the services check the rest
                        .requestMatchers("/api/v1/kaa/imports", "/api/v1/kaa/imports/**")
                        .hasRole(Role.KAA_COORDINATOR.name())
                        .requestMatchers("/api/v1/kaa/**")
                        .hasAnyRole(Role.KAA_COORDINATOR.name(), Role.CASE_WORKER.name())
                        // follow-up as its pages (/uppfoljning, /enrolments/**, /deltagare/**) are; the report and
                        // Uppföljning Finsam, like /programmes/*/rapport and /uppfoljning/finsam, are checked by the
                        // service (the programme's organisation, its förbund, the analysts); the services check the rest
                        .requestMatchers(HttpMethod.GET, "/api/v1/follow-up/programmes/*/report",
                                "/api/v1/follow-up/finsam").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/v1/follow-up/instruments", "/api/v1/follow-up/ladder")
                        .hasAnyRole(Role.ADMIN.name(), Role.KAA_COORDINATOR.name(), Role.CASE_WORKER.name(),
                                Role.PROGRAMME_LEAD.name())
                        .requestMatchers("/api/v1/follow-up/**").hasAnyRole(PERSON_DATA_ROLES)
                        // the public catalogue: reading needs no login, writing is checked by the catalogue itself
                        .requestMatchers(HttpMethod.GET, "/api/v1/interventions", "/api/v1/interventions/**")
                        .permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    if (e instanceof LoginThrottledException throttled) {
                        response.setHeader("Retry-After", String.valueOf(throttled.seconds()));
                        json(response, 429, messages, throttled.messageKey(), throttled.amount());
                    } else {
                        json(response, 401, messages, "error.unauthenticated");
                    }
                }))
                .csrf(csrf -> csrf.disable())
                .headers(SecurityConfiguration::strictHeaders)
                .addFilterBefore(new AccountStillActive(users), AnonymousAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> json(response, 401, messages,
                                "error.unauthenticated"))
                        .accessDeniedHandler((request, response, ex) -> json(response, 403, messages,
                                "error.forbidden")));
        if (jwtDecoder.getIfAvailable() != null) {
            var converter = new JwtAuthenticationConverter();
            converter.setPrincipalClaimName(usernameClaim);
            converter.setJwtGrantedAuthoritiesConverter(jwt -> localAuthorities(users, jwt.getClaimAsString(usernameClaim)));
            http.oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.jwtAuthenticationConverter(converter)));
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> oidcClients,
            UserAccounts users, @Value("${lots.oidc.username-claim:preferred_username}") String usernameClaim)
            throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
                                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers(HttpMethod.GET, "/katalog", "/katalog/**").permitAll()
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/audit/**").hasAnyRole(Role.AUDITOR.name(), Role.ADMIN.name())
                        .requestMatchers("/persons/**").hasAnyRole(PERSON_DATA_ROLES)
                        .requestMatchers("/uppfoljning", "/uppfoljning/insatser", "/uppfoljning/insatser/**",
                                "/programmes/*/deltagare", "/programmes/*/gruppaktivitet", "/enrolments/**",
                                "/deltagare/**")
                        .hasAnyRole(PERSON_DATA_ROLES)
                        .requestMatchers("/kaa/import/**").hasRole(Role.KAA_COORDINATOR.name())
                        .requestMatchers("/kaa/**").hasAnyRole(Role.KAA_COORDINATOR.name(), Role.CASE_WORKER.name())
                        // one ladder for every organisation: a programme lead reads it, the administrator changes it
                        .requestMatchers(HttpMethod.POST, "/progression/stegtrappa/**", "/progression/stegtrappa")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers("/progression/instruments/**", "/progression/instruments",
                                "/progression/stegtrappa/**", "/progression/stegtrappa")
                        .hasAnyRole(Role.ADMIN.name(), Role.PROGRAMME_LEAD.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).permitAll()
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + (e instanceof LoginThrottledException throttled
                                        ? "/login?error&" + (throttled.messageKey().endsWith("Seconds") ? "seconds="
                                                : "minutes=") + throttled.amount()
                                        : "/login?error"))))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .exceptionHandling(e -> e.accessDeniedPage("/forbidden"))
                .headers(SecurityConfiguration::strictHeaders)
                .addFilterBefore(new AccountStillActive(users), AnonymousAuthenticationFilter.class);
        if (oidcClients.getIfAvailable() != null) {
            http.oauth2Login(oauth -> oauth.loginPage("/login")
                    .userInfoEndpoint(u -> u.oidcUserService(oidcUserService(users, usernameClaim))));
        }
        return http.build();
    }

    // Referrer same-origin: Lots' addresses carry person ids and search words, which no other site should see
    private static void strictHeaders(HeadersConfigurer<HttpSecurity> headers) {
        var swaggerUi = PathPatternRequestMatcher.pathPattern("/swagger-ui/**");
        headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(swaggerUi),
                        new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(swaggerUi,
                        new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_POLICY)))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(p -> p.policy(PERMISSIONS_POLICY));
    }

    /** An identity provider proves who the user is; Lots' own account decides organisation and role. */
    static OAuth2UserService<OidcUserRequest, OidcUser> oidcUserService(UserAccounts users, String usernameClaim) {
        var delegate = new OidcUserService();
        return request -> {
            OidcUser user = delegate.loadUser(request);
            String username = user.getClaimAsString(usernameClaim);
            var authorities = localAuthorities(users, username);
            if (authorities.isEmpty()) {
                throw new OAuth2AuthenticationException(new OAuth2Error("unknown_user",
                        "Ingen aktiv användare i Lots heter " + username, null));
            }
            return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), usernameClaim);
        };
    }

    static List<GrantedAuthority> localAuthorities(UserAccounts users, String username) {
        if (username == null) {
            return List.of();
        }
        return users.byUsername(username).filter(a -> a.active())
                .<List<GrantedAuthority>>map(a -> List.of(new SimpleGrantedAuthority(a.role().authority())))
                .orElse(List.of());
    }

    private static void json(HttpServletResponse response, int status, MessageSource messages, String key,
            Object... arguments) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        String message = messages.getMessage(key, arguments, Locale.forLanguageTag("sv"));
        response.getWriter().write("{\"errors\":[{\"field\":null,\"message\":\"" + message.replace("\"", "'") + "\"}]}");
    }

    @Bean
    WebMvcConfigurer actorArgument(CurrentActor currentActor) {
        // the actor comes from the login, never from the request: the published API must not ask a client for it
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new ActorArgumentResolver(currentActor));
            }
        };
    }
}
