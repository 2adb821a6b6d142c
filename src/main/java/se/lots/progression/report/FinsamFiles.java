package se.lots.progression.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;

import se.lots.progression.FinsamExport;
import se.lots.progression.ReportTable;
import se.lots.shared.SmallCountSuppression.Cell;

/**
 * The Finsam hand-in as files: one line per published count (programme, organisation, period, table, row, column,
 * count — "&lt;5" or ".." where suppressed), semicolon-separated UTF-8 with a byte-order mark so that Excel opens it
 * as Swedish Excel expects, and the same lines as an xlsx sheet; and the programme lead's registrations per
 * participant.
 */
final class FinsamFiles {

    private static final CSVFormat SEMICOLON = CSVFormat.EXCEL.builder().setDelimiter(';').build();

    private FinsamFiles() {
    }

    /** A line of the hand-in: the labels, then the published count. */
    record Line(List<String> labels, Cell count) {
    }

    static List<Line> lines(FinsamExport export, MessageSource messages, Locale locale) {
        String total = messages.getMessage("progression.report.total", null, locale);
        var lines = new ArrayList<Line>();
        for (var p : export.programmes()) {
            for (ReportTable t : p.tables()) {
                var table = t.table();
                for (int r = 0; r < t.rows().size(); r++) {
                    for (int c = 0; c < t.columns().size(); c++) {
                        lines.add(line(export, p, t, t.rows().get(r), t.columns().get(c), table.cell(r, c)));
                    }
                    if (!table.rowTotals().isEmpty()) {
                        lines.add(line(export, p, t, t.rows().get(r), total, table.rowTotals().get(r)));
                    }
                }
                for (int c = 0; c < table.columnTotals().size(); c++) {
                    lines.add(line(export, p, t, total, t.columns().get(c), table.columnTotals().get(c)));
                }
                if (table.total() != null) {
                    lines.add(line(export, p, t, total, total, table.total()));
                }
            }
        }
        return lines;
    }

    private static Line line(FinsamExport e, FinsamExport.ProgrammeTables p, ReportTable t, String row,
            String column, Cell count) {
        return new Line(List.of(p.programme().name(), p.programme().organisationName(), e.period().code(), t.title(),
                row, column), count);
    }

    private static List<String> header(MessageSource messages, Locale locale) {
        return List.of("programme", "organisation", "period", "table", "row", "column", "count").stream()
                .map(k -> messages.getMessage("progression.report.export." + k, null, locale)).toList();
    }

    static byte[] csv(FinsamExport export, MessageSource messages, Locale locale) {
        var rows = new ArrayList<List<String>>();
        rows.add(header(messages, locale));
        for (Line l : lines(export, messages, locale)) {
            var row = new ArrayList<>(l.labels());
            row.add(l.count().text());
            rows.add(row);
        }
        return csv(rows);
    }

    static byte[] xlsx(FinsamExport export, MessageSource messages, Locale locale) {
        var out = new ByteArrayOutputStream();
        try {
            var workbook = new Workbook(out, "Lots", "1.0");
            Worksheet ws = workbook.newWorksheet("Uppföljning Finsam");
            List<String> header = header(messages, locale);
            for (int c = 0; c < header.size(); c++) {
                ws.value(0, c, header.get(c));
            }
            int r = 1;
            for (Line l : lines(export, messages, locale)) {
                for (int c = 0; c < l.labels().size(); c++) {
                    ws.value(r, c, l.labels().get(c));
                }
                if (l.count().hidden()) {
                    ws.value(r, l.labels().size(), l.count().text());
                } else {
                    ws.value(r, l.labels().size(), l.count().count());
                }
                r++;
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] participantsCsv(List<FinsamExport.Participant> participants, MessageSource messages,
            Locale locale) {
        var rows = new ArrayList<List<String>>();
        rows.add(List.of("name", "gender", "ageBand", "startedOn", "endedOn", "endReason", "registered", "discharged",
                "startOccupation", "startIncomes", "endOccupation", "endIncomes").stream()
                .map(k -> messages.getMessage("progression.report.export.participant." + k, null, locale)).toList());
        String anonymous = messages.getMessage("progression.report.export.participant.anonymous", null, locale);
        String yes = messages.getMessage("progression.report.yes", null, locale);
        String no = messages.getMessage("progression.report.no", null, locale);
        for (var p : participants) {
            rows.add(java.util.Arrays.asList(p.name() == null ? anonymous : p.name(), p.gender(),
                    List.of("16–19", "20–24", "25–29", "–").get(p.band()), text(p.startedOn()), text(p.endedOn()),
                    text(p.endReason()), p.registered() ? yes : no, p.discharged() ? yes : no,
                    text(p.startOccupation()), String.join(",", p.startIncomes()), text(p.endOccupation()),
                    String.join(",", p.endIncomes())));
        }
        return csv(rows);
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    private static byte[] csv(List<List<String>> rows) {
        var out = new ByteArrayOutputStream();
        try (var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                var printer = new CSVPrinter(writer, SEMICOLON)) {
            writer.write('\uFEFF');
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
