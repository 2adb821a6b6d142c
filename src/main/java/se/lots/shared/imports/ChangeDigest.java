package se.lots.shared.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A fingerprint of the writes an import would make, each added in words that depend neither on the user's language
 * nor on ids chosen for new rows: the same file against the same stored state gives the same digest, in whatever
 * order the writes were found, and any other write gives another. The preview shows it; a confirmation that does
 * not bring it back unchanged is refused.
 */
public final class ChangeDigest {

    private final List<String> parts = new ArrayList<>();

    public void add(String part) {
        parts.add(part);
    }

    public String value() {
        var sb = new StringBuilder();
        parts.stream().sorted().forEach(p -> sb.append(p).append('\n'));
        return sha256(sb.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
