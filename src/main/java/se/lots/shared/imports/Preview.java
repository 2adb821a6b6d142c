package se.lots.shared.imports;

/** What the pipeline needs of the preview an import shows: whether it may be confirmed, its digest, its rows. */
public interface Preview {

    /** False while the file has errors or lacks a column it must have: nothing may be written. */
    boolean canConfirm();

    /** The {@link ChangeDigest} of the writes. */
    String digest();

    int rowCount();
}
