package se.lots.shared.imports;

/**
 * How an import says no, in the message keys its pages show: {@code notFound} names what a missing kept file is
 * ({@link se.lots.shared.NotFoundException}); {@code stale} and {@code decided} are the conflicts
 * ({@link se.lots.shared.ConflictException}) of a confirmation after something changed since the preview, or of one
 * already confirmed or discarded. A file with errors is refused as its kind says ({@link ImportKind#refusal}).
 */
public record Refusals(String notFound, String stale, String decided) {
}
