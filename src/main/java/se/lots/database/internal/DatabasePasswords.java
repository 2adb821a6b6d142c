package se.lots.database.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server's passwords, generated at its first start and kept in its data folder in a file only the
 * operating-system user that runs Lots may read (0600): whoever can read the data folder owns the data anyway.
 */
record DatabasePasswords(String superuser, String owner, String app) {

    static final String FILE = "lots-passwords.properties";
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private static final Logger log = LoggerFactory.getLogger(DatabasePasswords.class);
    private static final SecureRandom random = new SecureRandom();

    static DatabasePasswords generate() {
        return new DatabasePasswords(randomPassword(), randomPassword(), randomPassword());
    }

    private static String randomPassword() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static Optional<DatabasePasswords> read(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        if (posix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            log.warn("{} could be read by others than its owner; it is made owner-only (0600) now", file);
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        var properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return Optional.of(new DatabasePasswords(required(properties, "postgres", file),
                required(properties, "owner", file), required(properties, "app", file)));
    }

    private static String required(Properties properties, String key, Path file) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(file + " has no password for " + key);
        }
        return value;
    }

    /** Written whole or not at all: a half-written file would lock Lots out of its own data. */
    void write(Path dataDirectory) throws IOException {
        var properties = new Properties();
        properties.setProperty("postgres", superuser);
        properties.setProperty("owner", owner);
        properties.setProperty("app", app);
        Path temporary = ownerOnlyFile(dataDirectory, FILE);
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            properties.store(out, "Lots: passwords of the embedded PostgreSQL's roles (docs/security.md)");
        }
        Files.move(temporary, dataDirectory.resolve(FILE), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /** The superuser's password for initdb's --pwfile, outside the data folder (initdb wants it empty). */
    Path superuserPasswordFile() throws IOException {
        Path file = ownerOnlyFile(null, "lots-initdb");
        Files.writeString(file, superuser + "\n");
        return file;
    }

    private static Path ownerOnlyFile(Path directory, String prefix) throws IOException {
        FileAttribute<?>[] attributes = posix()
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        return directory == null ? Files.createTempFile(prefix, ".tmp", attributes)
                : Files.createTempFile(directory, prefix, ".tmp", attributes);
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    @Override
    public String toString() {
        return "DatabasePasswords[…]";
    }
}
