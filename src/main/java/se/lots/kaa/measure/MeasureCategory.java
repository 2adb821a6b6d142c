package se.lots.kaa.measure;

/** A kind of measure, as in SCB's code list for the KAA collection; retired ones stay valid for history. */
public record MeasureCategory(String code, String name, boolean active, int sortOrder) {
}
