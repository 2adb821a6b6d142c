package se.lots.shared.imports;

/** Who imports, as the pipeline needs to know it; the import's own module says who may (its access rule). */
public interface Importer {

    long userId();

    /** The organisation whose kept files the importer may see; null where the files are not an organisation's. */
    Long organisationId();
}
