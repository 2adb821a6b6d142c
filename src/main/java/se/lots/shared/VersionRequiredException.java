package se.lots.shared;

/** An update of shared data that does not say which version it started from; without it a change could be lost. */
public class VersionRequiredException extends RuntimeException {

    public VersionRequiredException() {
        super("version required");
    }
}
