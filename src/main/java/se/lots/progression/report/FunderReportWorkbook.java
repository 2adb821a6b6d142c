package se.lots.progression.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;

import se.lots.progression.FinsamOverview;
import se.lots.progression.FunderReport;
import se.lots.progression.GoalResult;
import se.lots.progression.ReportTable;
import se.lots.shared.SmallCountSuppression.Cell;

/** The funder's report as xlsx: one sheet per table (suppressed cells as text "<5" or ".."), then the goals. */
final class FunderReportWorkbook {

    private FunderReportWorkbook() {
    }

    static byte[] write(FunderReport report, MessageSource messages, Locale locale) {
        var out = new ByteArrayOutputStream();
        try {
            var workbook = new Workbook(out, "Lots", "1.0");
            for (ReportTable t : report.tables()) {
                sheet(workbook, t, t.title() + " – " + report.programme().name() + " " + report.from() + "–"
                        + report.to(), messages, locale);
            }
            Worksheet goals = workbook.newWorksheet(sheetName(messages.getMessage("progression.report.goals", null,
                    locale)));
            goals.value(0, 0, messages.getMessage("progression.goal.indicator", null, locale));
            goals.value(0, 1, messages.getMessage("progression.goal.target", null, locale));
            goals.value(0, 2, messages.getMessage("progression.goal.value", null, locale));
            goals.value(0, 3, messages.getMessage("progression.report.goalsMet", null, locale));
            int r = 1;
            for (GoalResult g : report.goals()) {
                goals.value(r, 0, messages.getMessage("progression.goal.indicator." + g.goal().indicator().name(),
                        new Object[] { g.goal().ageFrom(), g.goal().ageTo(), g.goal().withinMonths() }, locale));
                goals.value(r, 1, g.goal().target());
                if (g.valueHidden()) {
                    goals.value(r, 2, "..");
                    goals.value(r, 3, "..");
                } else {
                    goals.value(r, 2, g.value());
                    goals.value(r, 3, messages.getMessage(g.met() ? "progression.report.yes" : "progression.report.no",
                            null, locale));
                }
                r++;
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Uppföljning Finsam over every programme: one sheet per measure. */
    static byte[] write(FinsamOverview finsam, MessageSource messages, Locale locale) {
        var out = new ByteArrayOutputStream();
        try {
            var workbook = new Workbook(out, "Lots", "1.0");
            for (ReportTable t : finsam.tables()) {
                sheet(workbook, t, t.title() + " " + finsam.from() + "–" + finsam.to(), messages, locale);
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A table as a sheet: the heading, the column labels, a row per row label, the totals where the table has them. */
    private static void sheet(Workbook workbook, ReportTable t, String heading, MessageSource messages,
            Locale locale) {
        Worksheet ws = workbook.newWorksheet(sheetName(t.title()));
        ws.value(0, 0, heading);
        for (int c = 0; c < t.columns().size(); c++) {
            ws.value(1, c + 1, t.columns().get(c));
        }
        if (t.hasRowTotals()) {
            ws.value(1, t.columns().size() + 1, messages.getMessage("progression.report.total", null, locale));
        }
        for (int r = 0; r < t.rows().size(); r++) {
            ws.value(r + 2, 0, t.rows().get(r));
            for (int c = 0; c < t.columns().size(); c++) {
                cell(ws, r + 2, c + 1, t.cell(r, c));
            }
            if (t.hasRowTotals()) {
                cell(ws, r + 2, t.columns().size() + 1, t.table().rowTotals().get(r));
            }
        }
        if (t.hasTotalRow()) {
            int last = t.rows().size() + 2;
            ws.value(last, 0, messages.getMessage("progression.report.total", null, locale));
            for (int c = 0; c < t.columns().size(); c++) {
                cell(ws, last, c + 1, t.table().columnTotals().get(c));
            }
            if (t.table().total() != null) {
                cell(ws, last, t.columns().size() + 1, t.table().total());
            }
        }
    }

    private static void cell(Worksheet ws, int r, int c, Cell cell) {
        if (cell.hidden()) {
            ws.value(r, c, cell.text());
        } else {
            ws.value(r, c, cell.count());
        }
    }

    private static String sheetName(String title) {
        String s = title.replaceAll("[\\\\/?*\\[\\]:]", " ").strip();
        return s.length() > 31 ? s.substring(0, 31) : s;
    }
}
