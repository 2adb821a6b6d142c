package se.lots.progression.instrument;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import org.springframework.web.util.HtmlUtils;

/**
 * A participant's series as a server-side SVG line chart: the cut-off as a dashed line, the band of no reliable
 * change around the first assessment shaded, and points that reached reliable change drawn filled. The same values
 * are always shown as a table beside it; the chart is an image with a title and a description.
 */
public final class ProgressChart {

    static final int WIDTH = 560;
    static final int HEIGHT = 220;
    private static final int LEFT = 40;
    private static final int RIGHT = 16;
    private static final int TOP = 14;
    private static final int BOTTOM = 28;

    private ProgressChart() {
    }

    public static String svg(String id, AssessmentSeries s, String title, String description, String cutOffLabel,
            Locale locale) {
        Instrument instrument = s.instrument();
        double low = instrument.lowest(s.rater()).doubleValue();
        double high = instrument.highest(s.rater()).doubleValue();
        List<Assessment> points = s.assessments();
        long days = Math.max(1, ChronoUnit.DAYS.between(points.get(0).assessedOn(),
                points.get(points.size() - 1).assessedOn()));
        var out = new StringBuilder();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"progress-chart\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" aria-labelledby=\"").append(id).append("-title ")
                .append(id).append("-desc\"><title id=\"").append(id).append("-title\">").append(esc(title))
                .append("</title><desc id=\"").append(id).append("-desc\">").append(esc(description))
                .append("</desc>");
        // axes with the scale's ends
        out.append(line(LEFT, TOP, LEFT, HEIGHT - BOTTOM, "axis")).append(line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT,
                HEIGHT - BOTTOM, "axis"));
        out.append(text(4, y(high, low, high) + 4, Decimals.format(instrument.highest(s.rater()), locale)))
                .append(text(4, y(low, low, high) + 4, Decimals.format(instrument.lowest(s.rater()), locale)));
        BigDecimal reliable = instrument.reliableChange();
        if (reliable != null) {
            double first = points.get(0).total().doubleValue();
            double top = Math.min(high, first + reliable.doubleValue());
            double bottom = Math.max(low, first - reliable.doubleValue());
            out.append("<rect class=\"no-reliable-change\" x=\"").append(LEFT).append("\" y=\"")
                    .append(fmt(y(top, low, high))).append("\" width=\"").append(WIDTH - LEFT - RIGHT)
                    .append("\" height=\"").append(fmt(y(bottom, low, high) - y(top, low, high)))
                    .append("\" fill=\"#e8eef7\"/>");
        }
        if (instrument.cutOff() != null) {
            double cy = y(instrument.cutOff().doubleValue(), low, high);
            out.append("<line class=\"cut-off\" x1=\"").append(LEFT).append("\" y1=\"").append(fmt(cy))
                    .append("\" x2=\"").append(WIDTH - RIGHT).append("\" y2=\"").append(fmt(cy))
                    .append("\" stroke=\"#8a1c1c\" stroke-dasharray=\"6 4\"/>")
                    .append(text(WIDTH - RIGHT - 150, cy - 4, cutOffLabel + " " + Decimals.format(instrument.cutOff(), locale)));
        }
        var path = new StringBuilder();
        var dots = new StringBuilder();
        double firstTotal = points.get(0).total().doubleValue();
        for (Assessment a : points) {
            double px = LEFT + 10 + (WIDTH - LEFT - RIGHT - 20) * (points.size() == 1 ? 0.5
                    : ChronoUnit.DAYS.between(points.get(0).assessedOn(), a.assessedOn()) / (double) days);
            double py = y(a.total().doubleValue(), low, high);
            path.append(path.length() == 0 ? "M" : " L").append(fmt(px)).append(' ').append(fmt(py));
            boolean reached = reliable != null
                    && Math.abs(a.total().doubleValue() - firstTotal) >= reliable.doubleValue();
            dots.append("<circle cx=\"").append(fmt(px)).append("\" cy=\"").append(fmt(py)).append("\" r=\"5\" ")
                    .append(reached ? "fill=\"#1d4f91\"" : "fill=\"#fff\"")
                    .append(" stroke=\"#1d4f91\" stroke-width=\"2\"/>");
            out.append(text(px - 28, HEIGHT - 8, a.assessedOn().toString()));
        }
        out.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#1d4f91\" stroke-width=\"2\"/>")
                .append(dots).append("</svg>");
        return out.toString();
    }

    private static double y(double value, double low, double high) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - (value - low) / (high - low));
    }

    private static String line(double x1, double y1, double x2, double y2, String cls) {
        return "<line class=\"" + cls + "\" x1=\"" + fmt(x1) + "\" y1=\"" + fmt(y1) + "\" x2=\"" + fmt(x2) + "\" y2=\""
                + fmt(y2) + "\" stroke=\"#444\"/>";
    }

    private static String text(double x, double y, String s) {
        return "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" font-size=\"11\" fill=\"#222\">" + esc(s) + "</text>";
    }

    private static String fmt(double d) {
        return String.format(java.util.Locale.ROOT, "%.1f", d);
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s == null ? "" : s);
    }
}
