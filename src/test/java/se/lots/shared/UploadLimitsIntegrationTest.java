package se.lots.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.lots.IntegrationTest;

/**
 * Every upload (the KAA list, the schools' absence signals, the intervention catalogue) through its real page, with
 * the files that once ran the server out of memory: a zip bomb, a file over the size limit, a million columns. The
 * test JVM has a small heap and exits on OutOfMemoryError (pom.xml), so a reader that keeps too much shows.
 */
@IntegrationTest
class UploadLimitsIntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    /** Each upload: who may use it and where its form is. */
    private enum Upload {
        KAA_LIST("kaa", "/kaa/import"),
        SCHOOL_SIGNALS("kaa", "/kaa/early-warning/import"),
        CATALOGUE("forbund", "/insatser/import");

        final String user;
        final String path;

        Upload(String user, String path) {
            this.user = user;
            this.path = path;
        }
    }

    @LocalServerPort
    int port;

    @Test
    void aZipBombIsRefusedWithAMessageOnEveryUpload() {
        byte[] bomb = HostileFiles.zipBombXlsx(200L * 1024 * 1024);
        assertThat(bomb.length).as("a small file").isLessThan(2 * 1024 * 1024);

        for (Upload upload : Upload.values()) {
            var page = upload(upload, "lista.xlsx", bomb);

            assertThat(page.statusCode()).as(upload.name()).isEqualTo(200);
            assertThat(page.body()).as(upload.name()).contains("packas upp till mer än 100 gånger");
        }
    }

    @Test
    void aMillionColumnsAreRefusedWithAMessageOnEveryUpload() {
        byte[] xlsx = HostileFiles.wideXlsx(1_000_000);
        byte[] csv = HostileFiles.wideCsv(1_000_000);

        for (Upload upload : Upload.values()) {
            var page = upload(upload, "lista.xlsx", xlsx);
            assertThat(page.statusCode()).as(upload.name()).isEqualTo(200);
            assertThat(page.body()).as(upload.name()).contains("för många kolumner");
            assertThat(page.body().length()).as("no line per column").isLessThan(200_000);

            page = upload(upload, "lista.csv", csv);
            assertThat(page.statusCode()).as(upload.name()).isEqualTo(200);
            // the catalogue is an xlsx only, and says so before reading
            assertThat(page.body()).as(upload.name())
                    .contains(upload == Upload.CATALOGUE ? "inte en Excel-fil" : "för många kolumner");
            assertThat(page.body().length()).as("no line per column").isLessThan(200_000);
        }
    }

    @Test
    void aFileOverTheSizeLimitGetsItsFormBackWithAMessageNotAServerError() {
        for (Upload upload : Upload.values()) {
            HttpClient browser = logIn(upload.user);
            var answer = upload(browser, upload, "lista.csv", null);

            assertThat(answer.statusCode()).as(upload.name()).isEqualTo(303);
            assertThat(answer.headers().firstValue("Location")).as(upload.name()).hasValue(upload.path);
            assertThat(get(browser, upload.path).body()).as(upload.name()).contains("Filen är större än 50 MB");
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Sends {@code content} as the form does (the token after the file, as the page puts it); null: 60 MB. */
    private HttpResponse<String> upload(Upload upload, String fileName, byte[] content) {
        return upload(logIn(upload.user), upload, fileName, content);
    }

    private HttpResponse<String> upload(HttpClient browser, Upload upload, String fileName, byte[] content) {
        var csrf = CSRF.matcher(get(browser, upload.path).body());
        assertThat(csrf.find()).as(upload.path).isTrue();
        String boundary = "----lots" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                + csrf.group(1) + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher file;
        long length;
        if (content == null) {
            byte[] chunk = "200701012387;Åsa;Öberg\n".repeat(40_000).getBytes(StandardCharsets.UTF_8);
            int chunks = (int) (60L * 1024 * 1024 / chunk.length) + 1;
            file = BodyPublishers.ofByteArrays(Collections.nCopies(chunks, chunk));
            length = (long) chunks * chunk.length;
        } else {
            file = BodyPublishers.ofByteArray(content);
            length = content.length;
        }
        var body = BodyPublishers.fromPublisher(
                BodyPublishers.concat(BodyPublishers.ofByteArray(head), file, BodyPublishers.ofByteArray(tail)),
                head.length + length + tail.length);
        return send(browser, HttpRequest.newBuilder(URI.create(base() + upload.path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body).build());
    }

    private HttpClient logIn(String username) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        var csrf = CSRF.matcher(get(browser, "/login").body());
        assertThat(csrf.find()).isTrue();
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=lots-demo-2026&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        var login = send(browser, HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(form)).build());
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return browser;
    }

    private HttpResponse<String> get(HttpClient browser, String path) {
        return send(browser, HttpRequest.newBuilder(URI.create(base() + path)).GET().build());
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
