package se.lots.shared.imports;

/** What confirming a kept file would write, as its {@link ImportKind} found it, and the preview that shows it. */
public interface ImportChanges {

    Preview preview();
}
