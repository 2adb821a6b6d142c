package se.lots.privacy.extract;

/** Where a request for a register extract stands: received, prepared, checked for secrecy, handed over, or refused. */
public enum ExtractStatus {
    REQUESTED, PREPARED, REVIEWED, HANDED_OVER, REFUSED;

    public boolean open() {
        return this != HANDED_OVER && this != REFUSED;
    }
}
