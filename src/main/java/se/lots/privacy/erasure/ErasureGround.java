package se.lots.privacy.erasure;

/**
 * One ground of a refusal as the decision letter shows it: a register's retention rule (its kind of record, period,
 * the event it counts from, the legal basis) for an authority, or the register's own reason to keep
 * ({@code reasonKey}, a message key), with the other fields null.
 */
public record ErasureGround(String register, String recordKind, Integer keepMonths, String countedFrom,
        String legalBasis, String reasonKey) {

    static ErasureGround rule(se.lots.privacy.RetentionRule rule) {
        return new ErasureGround(rule.register(), rule.recordKind(), rule.keepMonths(), rule.countedFrom().name(),
                rule.legalBasis(), null);
    }

    static ErasureGround reason(String register, String reasonKey) {
        return new ErasureGround(register, null, null, null, null, reasonKey);
    }

    public boolean fromRule() {
        return reasonKey == null;
    }
}
