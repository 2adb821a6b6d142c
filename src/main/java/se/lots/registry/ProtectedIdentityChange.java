package se.lots.registry;

/**
 * Setting ({@code protectedIdentity} true) or lifting (false) a person's protected identity, with the reason the
 * auditor reads and the version of the person it starts from. The one way to change the flag of a saved person.
 */
public record ProtectedIdentityChange(Boolean protectedIdentity, String reason, Integer version) {

    /** The same change starting from {@code v}, e.g. the version an API client named in If-Match. */
    public ProtectedIdentityChange withVersion(int v) {
        return new ProtectedIdentityChange(protectedIdentity, reason, v);
    }
}
