package se.lots.privacy.retention;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
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
 * One retention run's archive package, being written: the rows go straight into the zip as they arrive (one JSON line
 * per row, one file per register and table, {@code representations/rep1/data/<register>/<table>.jsonl}), so that a run
 * over millions of rows holds none of them in memory. The zip is written to a hidden {@code .part} file next to its
 * place; {@link #finish} adds the metadata and {@code METS.xml} with every file's SHA-256 and size and moves it into
 * place in one step, {@link #abort} removes it. Not for use by several threads at once (one run, one transaction).
 */
public final class ArchivePackage implements AutoCloseable {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    /** One data file of the package: where, from which rule and table, how many rows, its size and checksum. */
    record DataFile(String path, RetentionRule rule, String table, long rows, long size, String sha256) {
    }

    private enum State { OPEN, FINISHED, ABORTED }

    private final UUID runId;
    private final String organisationName;
    private final OrganisationId organisation;
    private final LocalDate day;
    private final String approvedBy;
    private final Instant created;
    private final Path target;
    private final Path partial;
    private final ZipOutputStream zip;
    private final List<DataFile> files = new ArrayList<>();
    private final Set<String> paths = new HashSet<>();
    private final List<RetentionRule> rules = new ArrayList<>();
    private State state = State.OPEN;

    // the data file being written: rows of one rule and table arrive together (PersonalDataEraser.archiveDue)
    private RetentionRule currentRule;
    private String currentTable;
    private String currentPath;
    private MessageDigest currentDigest;
    private long currentRows;
    private long currentSize;

    ArchivePackage(Path directory, UUID runId, String organisationName, OrganisationId organisation, LocalDate day,
            String approvedBy, Instant created) {
        if (runId == null || organisationName == null || organisationName.isBlank() || organisation == null
                || day == null || approvedBy == null || approvedBy.isBlank()) {
            throw new IllegalArgumentException("an archive package names its run, organisation, day and approver");
        }
        this.runId = runId;
        this.organisationName = organisationName;
        this.organisation = organisation;
        this.day = day;
        this.approvedBy = approvedBy;
        this.created = created;
        String name = fileName(organisation, day, runId);
        this.target = directory.resolve(name);
        this.partial = directory.resolve("." + name + ".part");
        if (Files.exists(target)) {
            throw new IllegalStateException("the archive package " + target + " exists already");
        }
        try {
            OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16);
            this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            // the fastest level: the rows are removed in the same transaction, and JSON packs well even so
            zip.setLevel(Deflater.BEST_SPEED);
        } catch (IOException e) {
            throw new UncheckedIOException("the archive package " + partial + " cannot be created", e);
        }
    }

    /** The package's file name: {@code lots-gallring-<organisation>-<day>-<run>.zip}. */
    static String fileName(OrganisationId organisation, LocalDate day, UUID runId) {
        return "lots-gallring-" + organisation.value() + "-" + day + "-" + runId + ".zip";
    }

    /**
     * Where one rule's rows go ({@link se.lots.privacy.PersonalDataEraser#archiveDue}): each row, as
     * {@code row_to_json} gives it, becomes one line of {@code representations/rep1/data/<register>/<table>.jsonl}.
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
        if (json == null || json.indexOf('\n') >= 0 || json.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a row is one line of JSON");
        }
        if (rule != currentRule || !table.equals(currentTable)) {
            startFile(rule, table);
        }
        byte[] bytes = (json + "\n").getBytes(StandardCharsets.UTF_8);
        write(bytes);
        currentRows++;
    }

    private void startFile(RetentionRule rule, String table) {
        closeFile();
        // the same table again (another rule of the register, or its rows in two turns) goes to a file of its own
        String base = "representations/rep1/data/" + rule.register() + "/" + table;
        String path = base + ".jsonl";
        for (int n = 2; paths.contains(path); n++) {
            path = base + "-" + n + ".jsonl";
        }
        try {
            zip.putNextEntry(new ZipEntry(path));
        } catch (IOException e) {
            throw failed(e);
        }
        paths.add(path);
        currentRule = rule;
        currentTable = table;
        currentPath = path;
        currentDigest = sha256();
        currentRows = 0;
        currentSize = 0;
    }

    private void write(byte[] bytes) {
        try {
            zip.write(bytes);
        } catch (IOException e) {
            throw failed(e);
        }
        currentDigest.update(bytes);
        currentSize += bytes.length;
    }

    private void closeFile() {
        if (currentPath == null) {
            return;
        }
        try {
            zip.closeEntry();
        } catch (IOException e) {
            throw failed(e);
        }
        files.add(new DataFile(currentPath, currentRule, currentTable, currentRows, currentSize,
                HexFormat.of().formatHex(currentDigest.digest())));
        currentRule = null;
        currentTable = null;
        currentPath = null;
        currentDigest = null;
    }

    /**
     * Writes the metadata and {@code METS.xml} (every file with its SHA-256 and size), closes the zip and moves it
     * into place in one step; returns the package's path. The package then stands; {@link #abort} still removes it
     * (a run whose removal does not commit).
     */
    public Path finish() {
        requireOpen();
        try {
            closeFile();
            writeEntry("METS.xml", Mets.write(this).getBytes(StandardCharsets.UTF_8));
            zip.close();
            try (var channel = java.nio.channels.FileChannel.open(partial, java.nio.file.StandardOpenOption.WRITE)) {
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
     * Removes the package: the partial file while it is being written, or the finished package (a run whose
     * removal failed after it finished the package). Does nothing the second time.
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
                // the file goes anyway
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

    private void writeEntry(String path, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(path));
        zip.write(bytes);
        zip.closeEntry();
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

    List<DataFile> files() {
        return List.copyOf(files);
    }

    List<RetentionRule> rules() {
        return List.copyOf(rules);
    }
}
