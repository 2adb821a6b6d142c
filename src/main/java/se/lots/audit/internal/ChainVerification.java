package se.lots.audit.internal;

import java.time.Instant;

/**
 * The result of walking the hash chain and comparing it with the published checkpoints (ADR 0010): valid, how many
 * entries, the first entry that does not fit, how many entries are of forgotten persons (their hashes verify, their
 * content is gone), how many published checkpoints were compared, the first checkpoint the database disagrees with
 * (a row changed or removed below it, or the head rewritten, even with every later hash recomputed), how many
 * checkpoints carry a signature that is not Lots' own, and whether the log's start is removed without a checkpoint.
 */
public record ChainVerification(boolean valid, long entries, Long firstBrokenId, long forgottenEntries,
        int checkpointsCompared, Long disagreeingCheckpointId, Instant disagreeingCheckpointAt, int forgedCheckpoints,
        boolean startUnanchored) implements java.io.Serializable {
}
