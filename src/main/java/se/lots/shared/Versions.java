package se.lots.shared;

/**
 * The version an API update starts from, as the client names it: {@code version} in the body, or {@code If-Match}
 * with the ETag its read returned ({@code "3"}, or weak {@code W/"3"}). One of them is required: an update that
 * names none would overwrite whatever another user saved since.
 */
public final class Versions {

    private Versions() {
    }

    public static int required(Integer version, String ifMatch) {
        Integer matched = ifMatch == null || ifMatch.isBlank() ? null : parse(ifMatch);
        if (version != null && matched != null && !version.equals(matched)) {
            throw new InvalidInputException("version", "error.versionDiffers", version, matched);
        }
        if (version == null && matched == null) {
            throw new VersionRequiredException();
        }
        return version != null ? version : matched;
    }

    /** The ETag of a resource at {@code version}, as {@code If-Match} sends it back. */
    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    private static int parse(String ifMatch) {
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            int v = Integer.parseInt(tag);
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below: "*" or a list of tags names no single version
        }
        throw new InvalidInputException("version", "error.ifMatchMalformed", ifMatch);
    }
}
