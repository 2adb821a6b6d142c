package se.lots.kaa.earlywarning;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;

import se.lots.shared.InvalidInputException;
import se.lots.shared.TabularFile;
import se.lots.shared.TabularFile.UnreadableFileException;

/** A school's absence report as CSV or xlsx: the first row names the columns ({@link SignalColumn}). */
record SchoolSignalFile(String fileName, byte[] content) implements SchoolSignalSource {

    static final String KIND = "FILE";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Batch read() {
        TabularFile file;
        try {
            file = TabularFile.read(fileName, content);
        } catch (UnreadableFileException e) {
            throw new InvalidInputException("file", e.messageKey(), e.arguments());
        }
        var columns = new EnumMap<SignalColumn, Integer>(SignalColumn.class);
        var names = new EnumMap<SignalColumn, String>(SignalColumn.class);
        var unknown = new ArrayList<UnknownColumn>();
        var duplicates = new ArrayList<String>();
        for (int i = 0; i < file.headers().size(); i++) {
            String header = file.headers().get(i);
            var column = SignalColumn.of(header);
            if (column.isEmpty()) {
                if (!header.isBlank()) {
                    unknown.add(new UnknownColumn(header, i + 1));
                }
            } else if (columns.containsKey(column.get())) {
                duplicates.add(header);
            } else {
                columns.put(column.get(), i);
                names.put(column.get(), header);
            }
        }
        var rows = new ArrayList<ReportedAbsence>();
        for (TabularFile.Row row : file.rows()) {
            var values = new EnumMap<SignalColumn, String>(SignalColumn.class);
            columns.forEach((c, i) -> values.put(c, row.value(i)));
            rows.add(new ReportedAbsence(row.number(), values));
        }
        return new Batch(file.encoding(), names, List.copyOf(unknown), List.copyOf(duplicates), List.copyOf(rows),
                file.refused());
    }
}
