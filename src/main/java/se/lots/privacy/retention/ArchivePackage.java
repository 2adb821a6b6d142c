package se.lots.privacy.retention;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import se.lots.organisation.OrganisationId;
import se.lots.privacy.ArchiveSink;
import se.lots.privacy.RetentionRule;

/**
 * One retention run's archive package (arkivpaket), being written: an E-ARK SIP (FGS Paketstruktur 2.0) in one zip
 * whose single root folder is the package's id. The rows go straight into the zip as they arrive, one JSON line per
 * row and one file per register and table ({@code representations/rep1/data/<register>/<table>.jsonl}), so that a
 * run over millions of rows holds none of them in memory; each file's SHA-256 and size are counted on the way.
 *
 * <p>The zip is written to a hidden {@code .part} file next to its place. {@link #finish} adds the metadata (the
 * rules and their legal basis, PREMIS, the tables' columns, the schemas) and the two {@code METS.xml} with every
 * file's checksum, and moves the zip into place in one step; {@link #abort} removes it. A {@code .part} file is never
 * a package (a process that died mid-way leaves one; {@link ArchivePackages} clears old ones). Not for use by several
 * threads at once: one run, one transaction. The layout is in docs/privacy.md, "Arkivpaket".
 */
public final class ArchivePackage implements AutoCloseable {

    static final String REPRESENTATION = "representations/rep1/";
    static final String DATA = REPRESENTATION + "data/";
    static final String JSON_LINES = "application/jsonl";
    static final String[] SCHEMAS = { "mets.xsd", "xlink.xsd", "DILCISExtensionMETS.xsd",
            "DILCISExtensionSIPMETS.xsd" };

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final byte[] NEWLINE = { '\n' };

    /** A file in the package: its path below the package's root folder, type, size, SHA-256 and when written. */
    record Written(String path, String mimeType, long size, String sha256, Instant created) {
    }

    /** A data file: the rule and table whose rows it holds, and how many. */
    record DataFile(RetentionRule rule, String register, String table, long rows, Written file) {
    }

    /** A column of a table, as the database describes it (documentation/tables.json). */
    record Column(String name, String type, boolean nullable) {
    }

    /** The columns of a table of Lots' database, in their order (empty where the table is unknown). */
    @FunctionalInterface
    interface Columns {
        List<Column> of(String table);
    }

    private enum State { OPEN, FINISHED, ABORTED }

    private final UUID runId;
    private final String organisationName;
    private final OrganisationId organisation;
    private final LocalDate day;
    private final String approvedBy;
    private final Clock clock;
    private final Instant created;
    private final String software;
    private final Columns columns;
    private final String id;
    private final Path target;
    private final Path partial;
    private final ZipOutputStream zip;
    private final List<DataFile> files = new ArrayList<>();
    private final Set<String> paths = new HashSet<>();
    private final List<RetentionRule> rules = new ArrayList<>();
    private State state = State.OPEN;

    // the data file being written: a register writes one table's rows together (PersonalDataEraser.archiveDue)
    private RetentionRule currentRule;
    private String currentTable;
    private String currentPath;
    private Instant currentCreated;
    private MessageDigest currentDigest;
    private long currentRows;
    private long currentSize;
    private final byte[] buffer = new byte[1 << 16];
    private int buffered;

    ArchivePackage(Path directory, UUID runId, String organisationName, OrganisationId organisation, LocalDate day,
            String approvedBy, Clock clock, String software, Columns columns) {
        if (runId == null || organisationName == null || organisationName.isBlank() || organisation == null
                || day == null || approvedBy == null || approvedBy.isBlank()) {
            throw new IllegalArgumentException("an archive package names its run, organisation, day and approver");
        }
        this.runId = runId;
        this.organisationName = organisationName;
        this.organisation = organisation;
        this.day = day;
        this.approvedBy = approvedBy;
        this.clock = clock;
        this.created = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        this.software = software;
        this.columns = columns;
        this.id = packageId(organisation, day, runId);
        this.target = directory.resolve(id + ".zip");
        this.partial = directory.resolve("." + id + ".zip.part");
        if (Files.exists(target)) {
            throw new IllegalStateException("the archive package " + target + " exists already");
        }
        try {
            Files.createFile(partial);
            if (Files.getFileStore(partial).supportsFileAttributeView(PosixFileAttributeView.class)) {
                // personal data: readable by Lots' own user only, as the database's files are
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
            }
            OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16);
            this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            // the fastest level: the package is written inside the removal's transaction, and JSON packs well even so
            zip.setLevel(Deflater.BEST_SPEED);
        } catch (IOException e) {
            throw new UncheckedIOException("the archive package " + partial + " cannot be created", e);
        }
    }

    /**
     * The package's id (METS OBJID), the name of its root folder and, with ".zip", of its file:
     * {@code lots-gallring-<organisation>-<day>-<run>}.
     */
    static String packageId(OrganisationId organisation, LocalDate day, UUID runId) {
        return "lots-gallring-" + organisation.value() + "-" + day + "-" + runId;
    }

    /**
     * Where one rule's rows go ({@link se.lots.privacy.PersonalDataEraser#archiveDue}): each row, as
     * {@code row_to_json} gives it (one line of JSON), becomes one line of
     * {@code representations/rep1/data/<register>/<table>.jsonl}. Rows of a table that come again after another
     * table's (or under another rule of the register) go to a file of their own, {@code <table>-2.jsonl}, ….
     */
    public ArchiveSink sink(RetentionRule rule) {
        if (rule == null) {
            throw new IllegalArgumentException("a sink belongs to a rule");
        }
        requireOpen();
        if (!NAME.matcher(rule.register()).matches()) {
            throw new IllegalArgumentException("a register's code is a plain name: " + rule.register());
        }
        if (!rules.contains(rule)) {
            rules.add(rule);
        }
        return (table, json) -> row(rule, table, json);
    }

    private void row(RetentionRule rule, String table, String json) {
        requireOpen();
        if (table == null || !NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("a table's name is a plain name: " + table);
        }
        if (json == null || json.isBlank() || json.indexOf('\n') >= 0 || json.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a row is one line of JSON");
        }
        if ((rule != currentRule && !rule.equals(currentRule)) || !table.equals(currentTable)) {
            startFile(rule, table);
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        buffer(bytes);
        buffer(NEWLINE);
        currentSize += bytes.length + 1;
        currentRows++;
    }

    /**
     * Collects the rows into large writes: the deflater and the digest do far less work per byte on 64 KiB than on
     * each row's few hundred bytes.
     */
    private void buffer(byte[] bytes) {
        if (bytes.length > buffer.length - buffered) {
            flushBuffer();
        }
        if (bytes.length > buffer.length) {
            write(bytes, bytes.length);
        } else {
            System.arraycopy(bytes, 0, buffer, buffered, bytes.length);
            buffered += bytes.length;
        }
    }

    private void flushBuffer() {
        if (buffered > 0) {
            write(buffer, buffered);
            buffered = 0;
        }
    }

    private void write(byte[] bytes, int length) {
        try {
            zip.write(bytes, 0, length);
        } catch (IOException e) {
            throw failed(e);
        }
        currentDigest.update(bytes, 0, length);
    }

    private void startFile(RetentionRule rule, String table) {
        closeFile();
        String base = DATA + rule.register() + "/" + table;
        String path = base + ".jsonl";
        for (int n = 2; paths.contains(path); n++) {
            path = base + "-" + n + ".jsonl";
        }
        try {
            zip.putNextEntry(new ZipEntry(id + "/" + path));
        } catch (IOException e) {
            throw failed(e);
        }
        paths.add(path);
        currentRule = rule;
        currentTable = table;
        currentPath = path;
        currentCreated = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        currentDigest = sha256();
        currentRows = 0;
        currentSize = 0;
    }

    private void closeFile() {
        if (currentPath == null) {
            return;
        }
        flushBuffer();
        try {
            zip.closeEntry();
        } catch (IOException e) {
            throw failed(e);
        }
        files.add(new DataFile(currentRule, currentRule.register(), currentTable, currentRows, new Written(
                currentPath, JSON_LINES, currentSize, HexFormat.of().formatHex(currentDigest.digest()),
                currentCreated)));
        currentRule = null;
        currentTable = null;
        currentPath = null;
        currentDigest = null;
    }

    /**
     * Writes the metadata and both {@code METS.xml} (every file with its SHA-256 and size), closes the zip, forces it
     * to disk and moves it into place in one step; returns the package's path. {@link #abort} still removes the
     * finished package (a run whose removal does not commit after all).
     */
    public Path finish() {
        requireOpen();
        try {
            closeFile();
            new ArchiveMetadata(this).write();
            zip.close();
            try (var channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            abort();
            throw new UncheckedIOException("the archive package " + target + " cannot be finished", e);
        } catch (RuntimeException e) {
            abort();
            throw e;
        }
        state = State.FINISHED;
        return target;
    }

    /**
     * Removes the package: the partial file while it is being written, or the finished package when the run's
     * removal failed after it. Does nothing the second time.
     */
    public void abort() {
        if (state == State.ABORTED) {
            return;
        }
        State was = state;
        state = State.ABORTED;
        if (was == State.OPEN) {
            try {
                zip.close();
            } catch (IOException | RuntimeException e) {
                // the file goes all the same
            }
        }
        try {
            Files.deleteIfExists(partial);
            if (was == State.FINISHED) {
                Files.deleteIfExists(target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the archive package " + partial + " cannot be removed", e);
        }
    }

    /** Aborts a package that was not finished (try-with-resources); a finished package stays. */
    @Override
    public void close() {
        if (state == State.OPEN) {
            abort();
        }
    }

    /** Writes one whole (small) file of the package's metadata; returns what it wrote. */
    Written add(String path, String mimeType, byte[] bytes) throws IOException {
        if (!paths.add(path)) {
            throw new IllegalStateException("the archive package has " + path + " already");
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        zip.putNextEntry(new ZipEntry(id + "/" + path));
        zip.write(bytes);
        zip.closeEntry();
        return new Written(path, mimeType, bytes.length, HexFormat.of().formatHex(sha256().digest(bytes)), at);
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("the archive package is " + state.name().toLowerCase());
        }
    }

    private RuntimeException failed(IOException e) {
        return new UncheckedIOException("the archive package " + partial + " cannot be written", e);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String id() {
        return id;
    }

    UUID runId() {
        return runId;
    }

    String organisationName() {
        return organisationName;
    }

    OrganisationId organisation() {
        return organisation;
    }

    LocalDate day() {
        return day;
    }

    String approvedBy() {
        return approvedBy;
    }

    Instant created() {
        return created;
    }

    String software() {
        return software;
    }

    Columns columns() {
        return columns;
    }

    List<DataFile> files() {
        return List.copyOf(files);
    }

    List<RetentionRule> rules() {
        return List.copyOf(rules);
    }
}
