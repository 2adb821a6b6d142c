package se.lots.shared.imports;

import java.util.UUID;

import se.lots.shared.ConflictException;
import se.lots.shared.InvalidInputException;

/**
 * How an import says no, in the message keys its pages show: {@code notFound} names what a missing kept file is
 * ({@link se.lots.shared.NotFoundException}); {@code stale} and {@code decided} are the conflicts of a confirmation
 * after something changed since the preview, or of one already confirmed or discarded. A file with errors is refused
 * with {@code hasErrors}, on the field {@code file} or, where the page shows every refusal as a conflict, as one.
 */
public record Refusals(String notFound, String hasErrors, boolean errorsAsConflict, String stale, String decided) {

    public static Refusals errorsOnTheFile(String notFound, String hasErrors, String stale, String decided) {
        return new Refusals(notFound, hasErrors, false, stale, decided);
    }

    public static Refusals errorsAsConflict(String notFound, String hasErrors, String stale, String decided) {
        return new Refusals(notFound, hasErrors, true, stale, decided);
    }

    RuntimeException errors(UUID importId) {
        return errorsAsConflict ? new ConflictException(hasErrors, importId)
                : new InvalidInputException("file", hasErrors);
    }
}
