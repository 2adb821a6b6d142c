package se.lots.audit.internal;

/** The result of walking the hash chain: valid, how many entries, and the first entry that does not fit. */
public record ChainVerification(boolean valid, long entries, Long firstBrokenId) implements java.io.Serializable {
}
