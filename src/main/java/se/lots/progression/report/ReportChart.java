package se.lots.progression.report;

import java.util.List;

import org.springframework.web.util.HtmlUtils;

import se.lots.progression.ReportTable;
import se.lots.shared.SmallCountSuppression.Cell;

/**
 * A horizontal bar chart of a start/end table as server-side SVG: two bars per row, the number beside each bar. A
 * hidden cell gets no bar, only its text ("&lt;5"); the numbers are in the table beside the chart as well.
 */
public final class ReportChart {

    private static final int LABEL = 230;
    private static final int WIDTH = 620;
    private static final int BAR = 11;
    private static final int ROW = 2 * BAR + 10;
    private static final List<String> COLOURS = List.of("#4a6fa5", "#c9733b");

    private ReportChart() {
    }

    public static String svg(ReportTable t) {
        long max = 1;
        for (int r = 0; r < t.rows().size(); r++) {
            for (int c = 0; c < t.columns().size(); c++) {
                if (!t.cell(r, c).hidden()) {
                    max = Math.max(max, t.cell(r, c).count());
                }
            }
        }
        int height = 30 + t.rows().size() * ROW;
        var svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\"><title>").append(esc(t.title())).append("</title>");
        for (int c = 0; c < t.columns().size() && c < COLOURS.size(); c++) {
            int x = LABEL + c * 140;
            svg.append("<rect x=\"").append(x).append("\" y=\"4\" width=\"12\" height=\"12\" fill=\"")
                    .append(COLOURS.get(c)).append("\"/><text x=\"").append(x + 16).append("\" y=\"14\" font-size=\"12\">")
                    .append(esc(t.columns().get(c))).append("</text>");
        }
        double scale = (WIDTH - LABEL - 50) / (double) max;
        for (int r = 0; r < t.rows().size(); r++) {
            int y = 26 + r * ROW;
            svg.append("<text x=\"").append(LABEL - 6).append("\" y=\"").append(y + BAR + 4)
                    .append("\" font-size=\"12\" text-anchor=\"end\">").append(esc(t.rows().get(r))).append("</text>");
            for (int c = 0; c < t.columns().size() && c < COLOURS.size(); c++) {
                Cell cell = t.cell(r, c);
                int by = y + c * BAR;
                long w = cell.hidden() ? 0 : Math.round(cell.count() * scale);
                svg.append("<rect x=\"").append(LABEL).append("\" y=\"").append(by).append("\" width=\"").append(w)
                        .append("\" height=\"").append(BAR - 1).append("\" fill=\"").append(COLOURS.get(c))
                        .append("\"/><text x=\"").append(LABEL + w + 4).append("\" y=\"").append(by + BAR - 2)
                        .append("\" font-size=\"10\">").append(esc(cell.text())).append("</text>");
            }
        }
        return svg.append("</svg>").toString();
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s == null ? "" : s);
    }
}
