package se.lots.audit.internal;

import java.time.Instant;

/**
 * The head of the log at a moment, signed with Lots' checkpoint key: the newest entry's id and hash, and how many
 * entries the log held up to it since it began (removed ones included). One line of the published file.
 */
public record Checkpoint(long lastId, String hash, long entries, Instant at, String signature) {

    /** The text the signature covers; a version prefix, so that a changed format cannot be read as the old one. */
    String signedText() {
        return "lots-audit-checkpoint-v1|" + lastId + "|" + hash + "|" + entries + "|" + at;
    }
}
