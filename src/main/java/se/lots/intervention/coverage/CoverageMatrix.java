package se.lots.intervention.coverage;

import java.util.List;

import se.lots.intervention.Need;
import se.lots.intervention.catalogue.AgeBand;

/**
 * The coverage map: age bands × needs. Colours come from a sequential ColorBrewer "Blues" scale, which stays
 * readable for the common colour-vision deficiencies; an empty cell (a gap) is not a colour of that scale but
 * orange hatching with a heavy outline, so it stands out without relying on hue alone.
 */
public record CoverageMatrix(CoverageFilter filter, List<AgeBand> bands, List<Need> needs, List<CoverageCell> cells) {

    /** Lightest to darkest; index 0 is used only for a gap's text box. */
    public static final List<String> PALETTE = List.of("#eff3ff", "#c6dbef", "#6baed6", "#2171b5", "#08306b");
    public static final String GAP_COLOUR = "#b35806";

    public CoverageCell cell(AgeBand band, Need need) {
        return cells.stream().filter(c -> c.band().equals(band) && c.need().id() == need.id()).findFirst()
                .orElse(new CoverageCell(band, need, 0, 0, 0));
    }

    public long max() {
        return cells.stream().mapToLong(CoverageCell::interventions).max().orElse(0);
    }

    /** 1–4 for a cell with interventions (quartiles of the largest count), 0 for a gap. */
    public int level(CoverageCell c) {
        if (c.interventions() == 0) {
            return 0;
        }
        long max = Math.max(1, max());
        return (int) Math.min(4, Math.max(1, Math.ceil(4.0 * c.interventions() / max)));
    }

    public String fill(CoverageCell c) {
        return c.gap() ? "url(#gap)" : PALETTE.get(level(c));
    }

    /** Dark text on the two light steps, white on the two dark ones (contrast at least 4.5:1 either way). */
    public String ink(CoverageCell c) {
        return level(c) >= 3 ? "#ffffff" : "#111111";
    }

    /** Lower bound of the counts shown with colour step {@code level} (1–4), for the legend. */
    public long from(int level) {
        long max = Math.max(1, max());
        return level == 1 ? 1 : (long) Math.floor(max * (level - 1) / 4.0) + 1;
    }

    public long to(int level) {
        long max = Math.max(1, max());
        return (long) Math.floor(max * level / 4.0);
    }

    /** The search for the interventions in {@code c}: its band, its need and the map's filter. */
    public String drillDown(CoverageCell c) {
        String rest = filter.query();
        return "/insatser?band=" + c.band().code() + "&need=" + c.need().id() + (rest.isEmpty() ? "" : "&" + rest.substring(1));
    }

    public String gapColour() {
        return GAP_COLOUR;
    }

    public String palette(int level) {
        return PALETTE.get(level);
    }

    public long gaps() {
        return cells.stream().filter(CoverageCell::gap).count();
    }
}
