package se.lots.shared.imports;

/** What confirming a kept file would write, as its {@link ImportKind} found it; the kind's preview shows it. */
public interface ImportChanges {

    /** False while the file has errors or lacks a column it must have: nothing may be written. */
    boolean canConfirm();

    /** The {@link ChangeDigest} of the writes. */
    String digest();

    int rowCount();
}
