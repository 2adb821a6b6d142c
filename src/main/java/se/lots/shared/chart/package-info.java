/**
 * One accessible chart for every page and PDF that draws figures: a {@link se.lots.shared.chart.Chart} (bars or a
 * trend line) computes its geometry here, and {@code templates/chart.html} draws it as server-side SVG with a title,
 * axis labels, the values written out, and the same numbers as a table ("Visa som tabell").
 */
package se.lots.shared.chart;
