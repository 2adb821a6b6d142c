package se.lots.appointment.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * 46elks (a Swedish SMS operator, https://46elks.se/docs/send-sms): {@code POST {url}/a1/sms} with HTTP basic
 * authentication (the API username and password) and a form with {@code from} (a number or at most 11 letters),
 * {@code to} (E.164) and {@code message}; 200 with a JSON receipt when accepted. Written with the JDK's HTTP client:
 * the request is one form POST, and 46elks publishes no Java client.
 */
class FortySixElksSmsGateway implements SmsGateway {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI endpoint;
    private final String authorization;
    private final String from;

    FortySixElksSmsGateway(String url, String username, String password, String from) {
        this.endpoint = URI.create(url.replaceAll("/+$", "") + "/a1/sms");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.from = from;
    }

    @Override
    public void send(String phone, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("from", from);
        form.put("to", SmsGateway.e164(phone));
        form.put("message", text);
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(20))
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                // 46elks answers a refusal with a short text ("Invalid to number", "Not enough credits")
                throw new IllegalStateException("46elks " + response.statusCode() + ": "
                        + response.body().substring(0, Math.min(200, response.body().length())));
            }
        } catch (IOException e) {
            throw new IllegalStateException("46elks unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
