package se.lots.progression.instrument;

/** How an assessment's item scores become its total. */
public enum TotalRule {
    SUM, MEAN
}
