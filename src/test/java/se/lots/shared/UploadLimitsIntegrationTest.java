package se.lots.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.lots.IntegrationTest;
import se.lots.WebSession;

/**
 * Every upload (the KAA list, the schools' absence signals, the intervention catalogue) through its real page, with
 * the files that once ran the server out of memory: a zip bomb, a file over the size limit, a million columns. The
 * test JVM has a small heap and exits on OutOfMemoryError (pom.xml), so a reader that keeps too much shows.
 */
@IntegrationTest
class UploadLimitsIntegrationTest {

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
            WebSession browser = logIn(upload.user);
            var answer = upload(browser, upload, "lista.csv", null);

            assertThat(answer.statusCode()).as(upload.name()).isEqualTo(303);
            assertThat(answer.headers().firstValue("Location")).as(upload.name()).hasValue(upload.path);
            assertThat(browser.get(upload.path).body()).as(upload.name()).contains("Filen är större än 50 MB");
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Sends {@code content} as the form does (the token after the file, as the page puts it); null: 60 MB. */
    private HttpResponse<String> upload(Upload upload, String fileName, byte[] content) {
        return upload(logIn(upload.user), upload, fileName, content);
    }

    private HttpResponse<String> upload(WebSession browser, Upload upload, String fileName, byte[] content) {
        String csrf = WebSession.csrf(browser.get(upload.path).body());
        String boundary = "----lots" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                + csrf + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
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
        return browser.send(browser.request(upload.path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body));
    }

    private WebSession logIn(String username) {
        return WebSession.logIn(port, username);
    }
}
