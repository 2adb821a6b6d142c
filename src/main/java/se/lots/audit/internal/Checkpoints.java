package se.lots.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signed checkpoints of the log's head (ADR 0010), published outside the database: appended to a JSON lines file in
 * Lots' audit folder (LOTS_AUDIT_DIR) and written to the application log, and kept in {@code audit_checkpoint} for the
 * log's retention. The key is LOTS_AUDIT_CHECKPOINT_KEY, or one generated at first start into the audit folder
 * (0600); it is never in the database, so a database superuser cannot sign a checkpoint for a rewritten chain.
 */
@Component
public class Checkpoints {

    static final String FILE = "checkpoints.jsonl";
    static final String KEY_FILE = "checkpoint-key";

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Path directory;
    private final byte[] key;

    Checkpoints(JdbcClient jdbc, Clock clock, @Value("${lots.audit.checkpoints.directory:data/audit}") Path directory,
            @Value("${lots.audit.checkpoints.key:}") String configuredKey) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.directory = directory.toAbsolutePath();
        this.key = configuredKey.isBlank() ? keyFromFolder(this.directory)
                : Base64.getDecoder().decode(configuredKey.trim());
        if (key.length < 32) {
            throw new IllegalStateException("the audit checkpoint key must be at least 32 bytes (base64)");
        }
    }

    /** The line of the published file a checkpoint is written as. */
    record Line(long lastId, String hash, long entries, String at, String signature) {
    }

    /**
     * Signs and publishes the log's head now, unless the newest checkpoint already names it. Empty when the log is
     * empty.
     */
    @Transactional
    public Optional<Checkpoint> publish() {
        // one statement, one snapshot: ids are given under the chain's lock until commit, so no committed row is
        // missing below the newest one seen
        var row = jdbc.sql("""
                SELECT a.id, a.hash, (SELECT count(*) FROM audit_entry) AS kept,
                       (SELECT coalesce(max(entries), 0) FROM audit_checkpoint WHERE removed) AS removed
                  FROM audit_entry a ORDER BY a.id DESC LIMIT 1""").query().listOfRows();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> h = row.get(0);
        long lastId = ((Number) h.get("id")).longValue();
        Optional<Checkpoint> newest = newestInDatabase();
        if (newest.isPresent() && newest.get().lastId() == lastId) {
            return newest;
        }
        Checkpoint unsigned = new Checkpoint(lastId, (String) h.get("hash"),
                ((Number) h.get("kept")).longValue() + ((Number) h.get("removed")).longValue(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS), null);
        Checkpoint signed = new Checkpoint(unsigned.lastId(), unsigned.hash(), unsigned.entries(), unsigned.at(),
                sign(unsigned));
        jdbc.sql("INSERT INTO audit_checkpoint (last_id, last_hash, entries, at, signature) VALUES (?, ?, ?, ?, ?)")
                .params(signed.lastId(), signed.hash(), signed.entries(),
                        java.sql.Timestamp.from(signed.at()), signed.signature())
                .update();
        String line = JSON.writeValueAsString(new Line(signed.lastId(), signed.hash(), signed.entries(),
                signed.at().toString(), signed.signature()));
        append(line);
        log.info("audit checkpoint {}", line);
        return Optional.of(signed);
    }

    private Optional<Checkpoint> newestInDatabase() {
        return jdbc.sql("SELECT last_id, last_hash, entries, at, signature FROM audit_checkpoint ORDER BY id DESC LIMIT 1")
                .query((rs, n) -> new Checkpoint(rs.getLong("last_id"), rs.getString("last_hash"), rs.getLong("entries"),
                        rs.getTimestamp("at").toInstant(), rs.getString("signature")))
                .optional();
    }

    /** A checkpoint the log may be removed up to, with its row in {@code audit_checkpoint}. */
    public record Removable(long databaseId, long lastId, Instant at) {
    }

    /**
     * The newest checkpoint taken at or before {@code before} that is Lots' own (its signature checks out) and lies
     * after where the log now starts; empty when there is none.
     */
    public Optional<Removable> newestRemovable(Instant before) {
        return jdbc.sql("""
                SELECT id, last_id, last_hash, entries, at, signature FROM audit_checkpoint
                 WHERE at <= ? AND NOT removed
                   AND last_id > (SELECT coalesce(max(last_id), 0) FROM audit_checkpoint WHERE removed)
                 ORDER BY last_id DESC""")
                .param(java.sql.Timestamp.from(before))
                .query((rs, n) -> Map.entry(rs.getLong("id"), new Checkpoint(rs.getLong("last_id"),
                        rs.getString("last_hash"), rs.getLong("entries"), rs.getTimestamp("at").toInstant(),
                        rs.getString("signature"))))
                .list().stream()
                .filter(e -> valid(e.getValue()))
                .findFirst()
                .map(e -> new Removable(e.getKey(), e.getValue().lastId(), e.getValue().at()));
    }

    /** A checkpoint as found, and whether its signature is Lots' own. */
    public record Published(Checkpoint checkpoint, boolean signatureValid, String source) {
    }

    /**
     * Every checkpoint published: the file's lines, and the database's rows (a checkpoint the file lost is still
     * checked, by its signature). A line that cannot be read counts as forged.
     */
    @Transactional(readOnly = true)
    public List<Published> published() {
        var found = new LinkedHashMap<String, Published>();
        Path file = directory.resolve(FILE);
        if (Files.exists(file)) {
            try {
                for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (text.isBlank()) {
                        continue;
                    }
                    found.putIfAbsent(text, read(text));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (Checkpoint c : jdbc.sql("SELECT last_id, last_hash, entries, at, signature FROM audit_checkpoint ORDER BY id")
                .query((rs, n) -> new Checkpoint(rs.getLong("last_id"), rs.getString("last_hash"), rs.getLong("entries"),
                        rs.getTimestamp("at").toInstant(), rs.getString("signature")))
                .list()) {
            String same = JSON.writeValueAsString(new Line(c.lastId(), c.hash(), c.entries(), c.at().toString(),
                    c.signature()));
            found.putIfAbsent(same, new Published(c, valid(c), "database"));
        }
        return new ArrayList<>(found.values());
    }

    private Published read(String text) {
        try {
            Line line = JSON.readValue(text, Line.class);
            var c = new Checkpoint(line.lastId(), line.hash(), line.entries(), Instant.parse(line.at()),
                    line.signature());
            return new Published(c, valid(c), FILE);
        } catch (RuntimeException e) {
            return new Published(new Checkpoint(-1, "", -1, Instant.EPOCH, ""), false, FILE);
        }
    }

    boolean valid(Checkpoint c) {
        return c.signature() != null && MessageDigest.isEqual(sign(c).getBytes(StandardCharsets.US_ASCII),
                c.signature().getBytes(StandardCharsets.US_ASCII));
    }

    String sign(Checkpoint c) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(c.signedText().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    Path file() {
        return directory.resolve(FILE);
    }

    private void append(String line) {
        try {
            Files.createDirectories(directory);
            Files.writeString(file(), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("could not publish the audit checkpoint to " + file(), e);
        }
    }

    private static byte[] keyFromFolder(Path directory) {
        Path file = directory.resolve(KEY_FILE);
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            }
            Files.createDirectories(directory);
            byte[] generated = new byte[32];
            new SecureRandom().nextBytes(generated);
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            Path temporary = posix
                    ? Files.createTempFile(directory, KEY_FILE, ".tmp",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(directory, KEY_FILE, ".tmp");
            Files.writeString(temporary, Base64.getEncoder().encodeToString(generated) + "\n");
            Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            log.info("generated the audit checkpoint key {} (keep it with the backups, apart from the database)", file);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create the audit checkpoint key " + file, e);
        }
    }
}
