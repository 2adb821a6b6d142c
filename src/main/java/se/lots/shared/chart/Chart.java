package se.lots.shared.chart;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import se.lots.shared.SmallCountSuppression.Cell;

/**
 * A chart as Lots draws it everywhere (templates/chart.html): horizontal bars per category, or a trend line over
 * categories in order (months, lists). The model computes every coordinate, so that the template only places them
 * and a unit test can check them. What a chart shows is also its table, cell for cell: a suppressed count ("<5",
 * "..") gets no bar and no point, only its text, exactly as the table prints it.
 *
 * <p>Meaning never rests on colour alone: every bar and point carries its value as text, a second series is hatched
 * (bars) or dashed with square markers (lines), and the legend names each series.
 */
public final class Chart {

    public enum Kind { BAR, LINE }

    /** One value: {@code amount} null when nothing may be drawn (suppressed, unknown); {@code text} as printed. */
    public record Value(Double amount, String text) {

        /** A published count: a hidden cell is drawn as its text only. */
        public static Value count(Cell cell) {
            return cell.hidden() ? new Value(null, cell.text()) : new Value((double) cell.count(), null);
        }

        public static Value of(Number amount) {
            return new Value(amount == null ? null : amount.doubleValue(), null);
        }

        public static Value of(Number amount, String text) {
            return new Value(amount == null ? null : amount.doubleValue(), text);
        }

        /** Nothing to draw, only a text ("–", "<5", ".."). */
        public static Value missing(String text) {
            return new Value(null, text);
        }

        public boolean drawn() {
            return amount != null && Double.isFinite(amount);
        }
    }

    public record Series(String name, List<Value> values) {
    }

    // what the template draws
    public record Tick(double x1, double y1, double x2, double y2, double textX, double textY, String text,
            String anchor) {
    }

    public record Bar(int series, double x, double y, double width, double height, double textX, double textY,
            String text, String anchor) {
    }

    public record Label(double x, double y, String text, String anchor) {
    }

    public record Line(int series, String points) {
    }

    public record Marker(int series, double x, double y, String text) {
    }

    public record LegendItem(int series, double x, double y, String name) {
    }

    /** A table row: the category and each series' value as printed. */
    public record Row(String category, List<String> texts) {
    }

    /** A bar for renderers without SVG (the PDFs): its length in percent of the scale. */
    public record BoxBar(int series, int percent, String text) {
    }

    public record BoxRow(String category, List<BoxBar> bars) {
    }

    /** WCAG 1.4.11: each colour has at least 4.5:1 against white, so also as a thin line (see ChartTest). */
    static final List<String> COLOURS = List.of("#1d70b8", "#a8410b", "#00703c", "#4c2c92");
    static final List<String> DASHES = Arrays.asList(null, "6 4", "2 3", "8 3 2 3");
    static final int LEGEND = 22;

    private final Kind kind;
    private final String id;
    private final String title;
    private final String categoryAxis;
    private final String valueAxis;
    private final List<String> categories;
    private final List<Series> series;
    private final boolean compact;
    private final Locale locale;
    private final String format;
    private final double min;
    private final double max;
    private final double step;
    private final int width;
    private final int height;
    // the plot area
    private final double left;
    private final double right;
    private final double top;
    private final double bottom;

    private Chart(Builder b) {
        this.kind = b.kind;
        this.id = b.id;
        this.title = b.title;
        this.categoryAxis = b.categoryAxis;
        this.valueAxis = b.valueAxis;
        this.categories = List.copyOf(b.categories);
        this.compact = b.compact;
        this.locale = b.locale;
        this.format = b.format;
        var withTexts = new ArrayList<Series>();
        for (Series s : b.series) {
            if (s.values().size() != categories.size()) {
                throw new IllegalArgumentException("series " + s.name() + " has " + s.values().size()
                        + " values for " + categories.size() + " categories");
            }
            withTexts.add(new Series(s.name(), s.values().stream()
                    .map(v -> v.text() != null ? v : new Value(v.amount(), format(v.amount()))).toList()));
        }
        this.series = List.copyOf(withTexts);
        double lo = 0;
        double hi = 0;
        for (Series s : series) {
            for (Value v : s.values()) {
                if (v.drawn()) {
                    lo = Math.min(lo, v.amount());
                    hi = Math.max(hi, v.amount());
                }
            }
        }
        if (b.fixedMax != null) {
            hi = Math.max(hi, b.fixedMax);
        }
        if (hi == lo) {
            hi = lo + 1;
        }
        double rough = niceStep((hi - lo) / (compact ? 2 : 4));
        // counts are whole: no tick at 0.25 of a person
        this.step = wholeNumbers() ? Math.max(1, rough) : rough;
        this.min = Math.floor(lo / step) * step;
        this.max = Math.ceil(hi / step) * step;
        int legend = series.size() > 1 ? LEGEND : 0;
        if (kind == Kind.BAR) {
            this.width = compact ? 340 : 640;
            this.left = compact ? 118 : 230;
            this.right = width - (compact ? 48 : 60);
            this.top = legend + 4;
            this.bottom = top + categories.size() * groupHeight();
            this.height = (int) Math.ceil(bottom + 40);
        } else {
            this.width = compact ? 340 : 640;
            this.height = compact ? 180 : 280;
            this.left = compact ? 48 : 56;
            // room for the newest month's label and value at the right, the value axis' name and a value at the top
            this.right = width - (compact ? 32 : 40);
            this.top = legend + 34;
            this.bottom = height - 44;
        }
    }

    public static Builder bars(String id, String title) {
        return new Builder(Kind.BAR, id, title);
    }

    public static Builder line(String id, String title) {
        return new Builder(Kind.LINE, id, title);
    }

    public static final class Builder {

        private final Kind kind;
        private final String id;
        private final String title;
        private String categoryAxis = "";
        private String valueAxis = "";
        private List<String> categories = List.of();
        private final List<Series> series = new ArrayList<>();
        private boolean compact;
        private Locale locale = Locale.forLanguageTag("sv");
        private String format = "{0}";
        private Double fixedMax;

        private Builder(Kind kind, String id, String title) {
            this.kind = kind;
            // ids of the SVG's title, description, patterns and table are made from it
            this.id = Objects.requireNonNull(id).replaceAll("[^A-Za-z0-9_-]", "-");
            this.title = Objects.requireNonNull(title);
        }

        public Builder axes(String categoryAxis, String valueAxis) {
            this.categoryAxis = categoryAxis == null ? "" : categoryAxis;
            this.valueAxis = valueAxis == null ? "" : valueAxis;
            return this;
        }

        public Builder categories(List<String> categories) {
            this.categories = List.copyOf(categories);
            return this;
        }

        public Builder series(String name, List<Value> values) {
            series.add(new Series(name, List.copyOf(values)));
            return this;
        }

        /** A small chart (start page): narrower, fewer ticks and labels. */
        public Builder compact() {
            this.compact = true;
            return this;
        }

        /**
         * How a value without its own text and a tick are written: a {@link MessageFormat} pattern such as
         * {@code format.percent} ("{0} %"), in the page's locale.
         */
        public Builder format(Locale locale, String pattern) {
            this.locale = locale;
            this.format = pattern;
            return this;
        }

        /** The scale reaches at least this far (100 for shares), whatever the values. */
        public Builder atLeast(double max) {
            this.fixedMax = max;
            return this;
        }

        public Chart build() {
            return new Chart(this);
        }
    }

    private boolean wholeNumbers() {
        return series.stream().flatMap(s -> s.values().stream()).filter(Value::drawn)
                .allMatch(v -> v.amount() == Math.rint(v.amount()));
    }

    static double niceStep(double rough) {
        if (!(rough > 0)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double f = rough / magnitude;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    String format(Double amount) {
        if (amount == null) {
            return "–";
        }
        // a whole number without decimals, others with at most two
        Object n = amount == Math.rint(amount) && Math.abs(amount) < 1e15 ? (Object) amount.longValue()
                : (Object) (Math.round(amount * 100) / 100.0);
        return new MessageFormat(format, locale).format(new Object[] { n });
    }

    // geometry

    private double groupHeight() {
        int bar = compact ? 14 : 16;
        return series.size() * bar + (compact ? 8 : 10);
    }

    private double barThickness() {
        return compact ? 12 : 14;
    }

    /** Where a value lies along the value axis: x for bars, y for lines. */
    double position(double amount) {
        double share = (amount - min) / (max - min);
        return kind == Kind.BAR ? left + share * (right - left) : bottom - share * (bottom - top);
    }

    private double categoryX(int i) {
        return categories.size() == 1 ? (left + right) / 2
                : left + i * (right - left) / (categories.size() - 1);
    }

    public List<Tick> ticks() {
        var ticks = new ArrayList<Tick>();
        int count = (int) Math.round((max - min) / step);
        for (int i = 0; i <= count; i++) {
            double v = min + i * step;
            double p = round(position(v));
            String text = format(v);
            if (kind == Kind.BAR) {
                ticks.add(new Tick(p, top, p, bottom, p, bottom + 14, text, "middle"));
            } else {
                ticks.add(new Tick(left, p, right, p, left - 6, p + 4, text, "end"));
            }
        }
        return ticks;
    }

    /** The line where zero lies: the bars' base, or the line chart's floor. */
    public Tick zero() {
        double p = round(position(0));
        return kind == Kind.BAR ? new Tick(p, top, p, bottom, p, bottom, "", "middle")
                : new Tick(left, p, right, p, left, p, "", "end");
    }

    public List<Bar> bars() {
        if (kind != Kind.BAR) {
            return List.of();
        }
        var bars = new ArrayList<Bar>();
        double zero = position(0);
        for (int c = 0; c < categories.size(); c++) {
            for (int s = 0; s < series.size(); s++) {
                Value v = series.get(s).values().get(c);
                double y = top + c * groupHeight() + 4 + s * (barThickness() + 2);
                double x = zero;
                double w = 0;
                if (v.drawn()) {
                    double end = position(v.amount());
                    x = Math.min(zero, end);
                    w = Math.abs(end - zero);
                }
                boolean negative = v.drawn() && v.amount() < 0;
                double textX = negative ? x - 4 : x + w + 4;
                bars.add(new Bar(s, round(x), round(y), round(w), barThickness(), round(textX),
                        round(y + barThickness() - 3), v.text(), negative ? "end" : "start"));
            }
        }
        return bars;
    }

    public List<Label> categoryLabels() {
        var labels = new ArrayList<Label>();
        if (kind == Kind.BAR) {
            for (int c = 0; c < categories.size(); c++) {
                double y = top + c * groupHeight() + 4 + series.size() * (barThickness() + 2) / 2.0 + 3;
                labels.add(new Label(left - 6, round(y), abbreviate(categories.get(c), compact ? 18 : 36), "end"));
            }
        } else {
            int every = Math.max(1, (int) Math.ceil(categories.size() / (compact ? 4.0 : 8.0)));
            for (int c = 0; c < categories.size(); c++) {
                // the newest is always named: a trend is read from its end
                if ((categories.size() - 1 - c) % every == 0) {
                    labels.add(new Label(round(categoryX(c)), bottom + 16, categories.get(c), "middle"));
                }
            }
        }
        return labels;
    }

    /** The polylines of each series, broken where a value is not drawn. */
    public List<Line> lines() {
        if (kind != Kind.LINE) {
            return List.of();
        }
        var lines = new ArrayList<Line>();
        for (int s = 0; s < series.size(); s++) {
            var points = new StringBuilder();
            var values = series.get(s).values();
            for (int c = 0; c <= values.size(); c++) {
                if (c < values.size() && values.get(c).drawn()) {
                    points.append(points.isEmpty() ? "" : " ").append(num(categoryX(c))).append(',')
                            .append(num(position(values.get(c).amount())));
                } else if (!points.isEmpty()) {
                    if (points.indexOf(" ") > 0) {
                        lines.add(new Line(s, points.toString()));
                    }
                    points.setLength(0);
                }
            }
        }
        return lines;
    }

    /** A marker on every drawn point; the text where there is room to write it (and always on the newest). */
    public List<Marker> markers() {
        if (kind != Kind.LINE) {
            return List.of();
        }
        var markers = new ArrayList<Marker>();
        boolean room = categories.size() <= (compact ? 6 : 12);
        for (int s = 0; s < series.size(); s++) {
            var values = series.get(s).values();
            int last = -1;
            for (int c = 0; c < values.size(); c++) {
                if (values.get(c).drawn()) {
                    last = c;
                }
            }
            for (int c = 0; c < values.size(); c++) {
                Value v = values.get(c);
                if (v.drawn()) {
                    markers.add(new Marker(s, round(categoryX(c)), round(position(v.amount())),
                            room || c == last ? v.text() : null));
                }
            }
        }
        return markers;
    }

    public List<LegendItem> legend() {
        if (series.size() < 2) {
            return List.of();
        }
        var items = new ArrayList<LegendItem>();
        double x = kind == Kind.BAR ? left : left;
        for (int s = 0; s < series.size(); s++) {
            items.add(new LegendItem(s, round(x), 4, series.get(s).name()));
            x += 24 + Math.min(180, 7 * series.get(s).name().length());
        }
        return items;
    }

    public Label valueAxisLabel() {
        return kind == Kind.BAR ? new Label(round((left + right) / 2), bottom + 32, valueAxis, "middle")
                : new Label(left - 40, top - 22, valueAxis, "start");
    }

    public Label categoryAxisLabel() {
        // under the category labels, from the left edge, shortened where it would reach the value axis' name
        int room = (int) (((left + right) / 2 - 70) / 6.5);
        return kind == Kind.BAR ? new Label(0, bottom + 32, abbreviate(categoryAxis, Math.max(8, room)), "start")
                : new Label(round((left + right) / 2), bottom + 36, categoryAxis, "middle");
    }

    /** Nothing at all to draw (no categories, or every value suppressed): the chart says so in words. */
    public boolean empty() {
        return series.stream().flatMap(s -> s.values().stream()).noneMatch(Value::drawn);
    }

    public List<Row> rows() {
        var rows = new ArrayList<Row>();
        for (int c = 0; c < categories.size(); c++) {
            int i = c;
            rows.add(new Row(categories.get(c), series.stream().map(s -> s.values().get(i).text()).toList()));
        }
        return rows;
    }

    /** The bars as boxes, for the PDF renderer (openhtmltopdf draws no SVG without Batik). Negative values: none. */
    public List<BoxRow> boxRows() {
        var rows = new ArrayList<BoxRow>();
        for (int c = 0; c < categories.size(); c++) {
            var bars = new ArrayList<BoxBar>();
            for (int s = 0; s < series.size(); s++) {
                Value v = series.get(s).values().get(c);
                int percent = v.drawn() && v.amount() > 0 ? (int) Math.round(100 * v.amount() / max) : 0;
                bars.add(new BoxBar(s, percent, v.text()));
            }
            rows.add(new BoxRow(categories.get(c), bars));
        }
        return rows;
    }

    public String colour(int series) {
        return COLOURS.get(series % COLOURS.size());
    }

    public String dash(int series) {
        return DASHES.get(series % DASHES.size());
    }

    /** Bars of the second, fourth … series are hatched, so that two series differ also without colour. */
    public boolean hatched(int series) {
        return series % 2 == 1;
    }

    public String fill(int series) {
        return hatched(series) ? "url(#" + id + "-hatch-" + series + ")" : colour(series);
    }

    /** Lines: circles for the first series, squares for the second, and so on. */
    public boolean squareMarker(int series) {
        return series % 2 == 1;
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String num(double v) {
        double r = round(v);
        return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
    }

    public Kind kind() {
        return kind;
    }

    public boolean line() {
        return kind == Kind.LINE;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String categoryAxis() {
        return categoryAxis;
    }

    public String valueAxis() {
        return valueAxis;
    }

    public List<String> categories() {
        return categories;
    }

    public List<Series> series() {
        return series;
    }

    public boolean compact() {
        return compact;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public double step() {
        return step;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public double plotLeft() {
        return left;
    }

    public double plotRight() {
        return right;
    }

    public double plotTop() {
        return top;
    }

    public double plotBottom() {
        return bottom;
    }
}
