package se.lots.kaa.earlywarning;

import se.lots.shared.TabularFile;
import se.lots.shared.imports.ImportFile;

/** A school's absence report as CSV or xlsx: the first row names the columns ({@link SignalColumn}). */
record SchoolSignalFile(String fileName, byte[] content) implements SchoolSignalSource {

    static final String KIND = "FILE";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public TabularFile read() {
        return ImportFile.table(fileName, content);
    }
}
