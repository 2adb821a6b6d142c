package se.lots.federation.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;

import se.lots.federation.report.FinalReport.FinalReportGoal;
import se.lots.federation.report.FinalReport.FinalReportParty;

/**
 * The final report as xlsx: a sheet with the form's fields (heading, answer), a sheet of the goals with their computed
 * measures, one per figure table (suppressed cells as text "&lt;5" or ".."), and the signatures.
 */
final class FinalReportWorkbook {

    private FinalReportWorkbook() {
    }

    static byte[] write(FinalReport r, MessageSource messages, Locale locale) {
        var out = new ByteArrayOutputStream();
        try {
            var workbook = new Workbook(out, "Lots", "1.0");
            var m = new Texts(messages, locale);
            Worksheet form = workbook.newWorksheet(sheetName(m.get("federation.report.final.formTitle")));
            int row = 0;
            var t = r.texts();
            row = field(form, row, m.get("federation.report.final.name"), r.programmeName());
            row = field(form, row, m.get("federation.report.final.caseNumber"), r.caseNumber());
            row = field(form, row, m.get("federation.report.final.federation"), r.federationName());
            row = field(form, row, m.get("federation.report.final.parties"), String.join(", ",
                    r.parties().stream().map(FinalReportParty::name).toList()));
            row = field(form, row, m.get("federation.report.final.purpose"), t.purpose());
            row = field(form, row, m.get("federation.report.final.equality"), t.equality());
            row = field(form, row, m.get("federation.report.final.needChange"), t.needChange());
            row = field(form, row, m.get("federation.report.final.startsOn"), String.valueOf(r.startsOn()));
            row = field(form, row, m.get("federation.report.final.endsOn"),
                    r.endsOn() == null ? null : r.endsOn().toString());
            row = field(form, row, m.get("federation.report.final.targetGroup"), t.targetGroup());
            row = field(form, row, m.get("federation.report.final.expectedParticipants"), t.expectedParticipants());
            row = field(form, row, m.get("federation.report.final.targetGroupChange"), t.targetGroupChange());
            if (r.figures() != null) {
                row = field(form, row, m.get("federation.report.final.participants"),
                        m.get("federation.report.final.participantsLine", r.figures().participants(),
                                r.figures().women(), r.figures().men()));
            }
            row = field(form, row, m.get("federation.report.final.methods"), t.methods());
            row = field(form, row, m.get("federation.report.final.followUp"), t.followUp());
            row = field(form, row, m.get("federation.report.final.ordinaryWork"), t.ordinaryWork());
            row = amount(form, row, m.get("federation.report.final.moneyGranted"), t.moneyGranted());
            row = amount(form, row, m.get("federation.report.final.moneyUsed"), t.moneyUsed());
            row = amount(form, row, m.get("federation.report.final.moneyReturned"), t.moneyReturned());
            row = field(form, row, m.get("federation.report.final.returnedWhy"), t.returnedWhy());
            row = field(form, row, m.get("federation.report.final.returnedConsequences"), t.returnedConsequences());
            for (FinalReportParty p : r.parties()) {
                row = field(form, row, m.get("federation.report.final.lessons") + " – " + p.name(), p.lessons());
            }
            field(form, row, m.get("federation.report.final.experiences"), t.experiences());
            form.width(0, 60);
            form.width(1, 100);

            Worksheet goals = workbook.newWorksheet(sheetName(m.get("federation.report.final.goals")));
            goals.value(0, 0, m.get("federation.report.final.goals"));
            goals.value(0, 1, m.get("federation.report.final.achieved"));
            goals.value(0, 2, m.get("federation.report.final.outcome"));
            goals.value(0, 3, m.get("federation.report.final.indicator"));
            int g = 1;
            for (FinalReportGoal goal : r.goals()) {
                goals.value(g, 0, goal.goal());
                goals.value(g, 1, goal.achieved() == null ? "" : m.get(goal.achieved()
                        ? "federation.report.final.yes" : "federation.report.final.no"));
                goals.value(g, 2, goal.outcome());
                var indicator = r.figures() == null ? null : r.figures().indicator(goal.programmeGoalId());
                if (indicator != null) {
                    goals.value(g, 3, m.get("federation.report.final.indicatorLine", indicator.text(),
                            indicator.value(), indicator.target(), indicator.met()));
                }
                g++;
            }
            if (r.figures() != null) {
                for (FinalReportFigures.FinalReportTable table : r.figures().tables()) {
                    table(workbook, table, m);
                }
            }
            Worksheet signatures = workbook.newWorksheet(sheetName(m.get("federation.report.final.signatures")));
            signatures.value(0, 0, m.get("federation.report.final.signatureOrganisation"));
            signatures.value(0, 1, m.get("federation.report.final.signatureName"));
            signatures.value(0, 2, m.get("federation.report.final.signatureEmail"));
            signatures.value(0, 3, m.get("federation.report.final.signedOn"));
            int s = 1;
            for (FinalReportParty p : r.parties()) {
                signatures.value(s, 0, p.name());
                if (p.signed()) {
                    signatures.value(s, 1, p.signature().name());
                    signatures.value(s, 2, p.signature().email());
                    signatures.value(s, 3, p.signature().signedOn().toString());
                } else {
                    signatures.value(s, 1, m.get("federation.report.final.notSigned"));
                }
                s++;
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static int field(Worksheet ws, int row, String heading, String value) {
        ws.value(row, 0, heading);
        ws.value(row, 1, value == null ? "" : value);
        return row + 1;
    }

    private static int amount(Worksheet ws, int row, String heading, java.math.BigDecimal value) {
        ws.value(row, 0, heading);
        if (value != null) {
            ws.value(row, 1, value);
        }
        return row + 1;
    }

    private static void table(Workbook workbook, FinalReportFigures.FinalReportTable t, Texts m) {
        Worksheet ws = workbook.newWorksheet(sheetName(t.title()));
        ws.value(0, 0, t.title());
        for (int c = 0; c < t.columns().size(); c++) {
            ws.value(1, c + 1, t.columns().get(c));
        }
        if (t.hasRowTotals()) {
            ws.value(1, t.columns().size() + 1, m.get("federation.report.final.total"));
        }
        for (int r = 0; r < t.rows().size(); r++) {
            ws.value(r + 2, 0, t.rows().get(r));
            for (int c = 0; c < t.columns().size(); c++) {
                cell(ws, r + 2, c + 1, t.cells().get(r).get(c));
            }
            if (t.hasRowTotals()) {
                cell(ws, r + 2, t.columns().size() + 1, t.rowTotals().get(r));
            }
        }
        if (t.hasTotalRow()) {
            int last = t.rows().size() + 2;
            ws.value(last, 0, m.get("federation.report.final.total"));
            for (int c = 0; c < t.columns().size(); c++) {
                cell(ws, last, c + 1, t.columnTotals().get(c));
            }
            if (t.hasRowTotals()) {
                cell(ws, last, t.columns().size() + 1, t.total());
            }
        }
    }

    /** A count as a number, a suppressed one ("<5", "..") as the text the report prints. */
    private static void cell(Worksheet ws, int row, int column, String text) {
        if (text.chars().allMatch(Character::isDigit) && !text.isEmpty()) {
            ws.value(row, column, Long.parseLong(text));
        } else {
            ws.value(row, column, text);
        }
    }

    /** Excel's limits on a sheet's name: 31 characters, none of []:*?/\. */
    private static String sheetName(String title) {
        String clean = title.replaceAll("[\\[\\]:*?/\\\\]", " ");
        return clean.length() > 31 ? clean.substring(0, 31) : clean;
    }

    private record Texts(MessageSource messages, Locale locale) {

        String get(String key, Object... args) {
            return messages.getMessage(key, args, locale);
        }
    }
}
