package se.lots.kaa.register;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;

/**
 * The worklist as an Excel sheet, as the coordinator filtered and sorted it: one row per young person, the columns of
 * the page plus the dates a spreadsheet user sorts by. No address: the worklist never carries one.
 */
final class WorklistWorkbook {

    private WorklistWorkbook() {
    }

    static byte[] write(List<Worklist.Row> rows, LocalDate today, MessageSource messages, Locale locale) {
        var out = new ByteArrayOutputStream();
        try {
            var workbook = new Workbook(out, "Lots", "1.0");
            Worksheet sheet = workbook.newWorksheet(text(messages, locale, "kaa.worklist.title"));
            String[] headers = { "person.col.name", "person.col.identity", "kaa.col.status", "kaa.col.review",
                "kaa.export.due", "kaa.col.attempts", "kaa.export.reached", "kaa.export.lastAttempt", "kaa.col.twenty",
                "kaa.col.assignee", "kaa.col.registered", "kaa.filter.NEW_FROM_IMPORT", "person.field.protectedIdentity" };
            for (int c = 0; c < headers.length; c++) {
                sheet.value(0, c, text(messages, locale, headers[c]));
                sheet.style(0, c).bold().set();
            }
            String yes = text(messages, locale, "kaa.export.yes");
            int r = 1;
            for (Worklist.Row row : rows) {
                sheet.value(r, 0, row.name());
                sheet.value(r, 1, row.identity());
                sheet.value(r, 2, text(messages, locale,
                        "kaa.status." + (row.status() == null ? KaaStatus.OKAND : row.status()).name()));
                date(sheet, r, 3, row.reviewOn());
                sheet.value(r, 4, row.due(today) ? yes : "");
                sheet.value(r, 5, row.attempts());
                sheet.value(r, 6, row.reached() ? yes : "");
                date(sheet, r, 7, row.lastAttempt());
                date(sheet, r, 8, row.twentiethBirthday());
                sheet.value(r, 9, row.assignee() == null ? "" : row.assignee());
                date(sheet, r, 10, row.registeredOn());
                sheet.value(r, 11, row.fromLastImport() ? yes : "");
                sheet.value(r, 12, row.protectedIdentity() ? yes : "");
                r++;
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void date(Worksheet sheet, int r, int c, LocalDate date) {
        if (date != null) {
            sheet.value(r, c, date);
            sheet.style(r, c).format("yyyy-mm-dd").set();
        }
    }

    private static String text(MessageSource messages, Locale locale, String key) {
        return messages.getMessage(key, null, locale);
    }
}
