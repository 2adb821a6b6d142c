package se.lots.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The panels a start page (GET /, templates/home.html) showed, read from its HTML: each {@code .lots-start-panel}'s
 * section id, its heading and the beginning of its text, so that a benchmark's report says what the timed page held.
 */
record StartPagePanels(List<Panel> panels) {

    record Panel(String id, String heading, String text) {
    }

    static final String MARK = "class=\"lots-start-panel\"";
    private static final Pattern ID = Pattern.compile("<section[^>]*\\sid=\"([^\"]+)\"");
    private static final Pattern HEADING = Pattern.compile("<h2[^>]*>(.*?)</h2>", Pattern.DOTALL);
    private static final Pattern DRAWING = Pattern.compile("<svg.*?</svg>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final int TEXT = 240;

    static StartPagePanels of(String html) {
        int end = html.indexOf("</main>");
        String main = end < 0 ? html : html.substring(0, end);
        var panels = new ArrayList<Panel>();
        int at = main.indexOf(MARK);
        while (at >= 0) {
            int next = main.indexOf(MARK, at + MARK.length());
            // up to the next panel's mark, less the start of its tag ("<div ")
            String part = main.substring(at, next < 0 ? main.length() : main.lastIndexOf('<', next));
            Matcher id = ID.matcher(part);
            Matcher heading = HEADING.matcher(part);
            boolean headed = heading.find();
            String rest = headed ? part.substring(heading.end()) : part;
            String text = text(DRAWING.matcher(rest).replaceAll(" "));
            panels.add(new Panel(id.find() ? id.group(1) : "?", headed ? text(heading.group(1)) : "",
                    text.length() > TEXT ? text.substring(0, TEXT) + " …" : text));
            at = next;
        }
        return new StartPagePanels(List.copyOf(panels));
    }

    List<String> ids() {
        return panels.stream().map(Panel::id).toList();
    }

    /** A Markdown list, one panel a line. */
    String markdown() {
        var out = new StringBuilder();
        for (Panel p : panels) {
            out.append("- `").append(p.id()).append("` **").append(p.heading()).append("**: ").append(p.text())
                    .append('\n');
        }
        return out.toString();
    }

    private static String text(String html) {
        return TAG.matcher(html).replaceAll(" ").replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&").replaceAll("\\s+", " ").trim();
    }
}
