package se.lots.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.dhatim.fastexcel.Workbook;

/** Test files: an xlsx of one sheet, a header row and rows of strings and numbers (null leaves a cell empty). */
public final class Spreadsheets {

    private Spreadsheets() {
    }

    public static byte[] xlsx(List<String> headers, List<List<Object>> rows) {
        var out = new ByteArrayOutputStream();
        try (var wb = new Workbook(out, "test", "1.0")) {
            var sheet = wb.newWorksheet("Insatser");
            for (int c = 0; c < headers.size(); c++) {
                sheet.value(0, c, headers.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object v = rows.get(r).get(c);
                    if (v instanceof Number n) {
                        sheet.value(r + 1, c, n);
                    } else if (v != null) {
                        sheet.value(r + 1, c, v.toString());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
