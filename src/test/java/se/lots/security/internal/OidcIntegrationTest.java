package se.lots.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.lots.organisation.NewUser;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.Role;
import se.lots.organisation.UserAccounts;

/**
 * Lots with an identity provider configured: bearer tokens on the API map to local users, and the login page
 * sends the browser to the provider. The provider's endpoints are never called (no network here): tokens are
 * signed with a key whose public half Lots is given as a file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OidcIntegrationTest {

    private static final KeyPair KEYS = rsaKeys();

    @LocalServerPort
    int port;

    @Autowired
    OrganisationService organisations;

    @Autowired
    UserAccounts users;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) throws IOException {
        Path publicKey = Files.createTempFile("lots-idp", ".pem");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(KEYS.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + publicKey);
        String client = "spring.security.oauth2.client.registration.kommun.";
        registry.add(client + "client-id", () -> "lots");
        registry.add(client + "client-secret", () -> "hemligt");
        registry.add(client + "client-name", () -> "Svalövs kommun");
        registry.add(client + "scope", () -> "openid,profile");
        registry.add(client + "authorization-grant-type", () -> "authorization_code");
        registry.add(client + "redirect-uri", () -> "{baseUrl}/login/oauth2/code/{registrationId}");
        String provider = "spring.security.oauth2.client.provider.kommun.";
        registry.add(provider + "authorization-uri", () -> "https://idp.example.se/auth");
        registry.add(provider + "token-uri", () -> "https://idp.example.se/token");
        registry.add(provider + "jwk-set-uri", () -> "https://idp.example.se/jwks");
        registry.add(provider + "user-name-attribute", () -> "preferred_username");
    }

    @Test
    void aBearerTokenNamingALotsUserGetsThatUsersAccess() throws Exception {
        var response = get("/api/v1/persons?q=andersson", token("kaa", Instant.now().plusSeconds(300)));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"persons\":[");
    }

    @Test
    void aBearerTokenKeepsTheLocalUsersRoleLimits() throws Exception {
        var response = get("/api/v1/persons?q=andersson", token("analytiker", Instant.now().plusSeconds(300)));
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void aTokenForSomeoneWithoutALotsAccountGetsNoAccess() throws Exception {
        var response = get("/api/v1/persons?q=andersson", token("okand.person", Instant.now().plusSeconds(300)));
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void aValidTokenOfADeactivatedUserIsRefused() throws Exception {
        var user = organisations.createUser(new NewUser("token-" + UUID.randomUUID().toString().substring(0, 8),
                "Vinter-token-Pilgrim-2026", "Tove Token", Role.CASE_WORKER,
                users.byUsername("coach").orElseThrow().organisationId(), null));
        String token = token(user.username(), Instant.now().plusSeconds(300));
        assertThat(get("/api/v1/organisations", token).statusCode()).isEqualTo(200);

        organisations.setActive(user.id(), false, "demoadmin");

        assertThat(get("/api/v1/organisations", token).statusCode()).isEqualTo(401);
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        var response = get("/api/v1/persons?q=andersson", token("kaa", Instant.now().minusSeconds(600)));
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void theLoginPageOffersTheIdentityProviderAndSendsTheBrowserThere() throws Exception {
        var login = http.send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.body()).contains("/oauth2/authorization/kommun", "Logga in med Svalövs kommun");

        var redirect = http.send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/authorization/kommun")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location").orElseThrow())
                .startsWith("https://idp.example.se/auth?").contains("client_id=lots", "scope=openid%20profile");
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static String token(String username, Instant expires) throws JOSEException {
        var claims = new JWTClaimsSet.Builder().subject("sub-" + username).claim("preferred_username", username)
                .issueTime(Date.from(expires.minusSeconds(600))).expirationTime(Date.from(expires)).build();
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner((RSAPrivateKey) KEYS.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair rsaKeys() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
