package se.lots.kaa.figures;

import java.util.List;

import se.lots.reference.MunicipalityCode;

/**
 * Writes the per-person file a municipality sends SCB for a half-year. The layout is SCB's to decide and changes
 * between collections, so it sits behind this interface: a new layout is a new implementation, nothing else moves.
 * An implementation must never write an address (the rows carry none).
 */
public interface ScbKaaExporter {

    /** Everything the file may say about one person in the register during the half-year. */
    record Row(MunicipalityCode municipalityCode, HalfYear half, String personalIdentityNumber, String gender,
            java.time.LocalDate registeredOn, String registrationReason, String statusAtEnd, List<String> offered,
            List<String> underWay, Boolean declinedFirst, java.time.LocalDate exitedOn, String exitReason) {
    }

    String fileName(MunicipalityCode municipalityCode, HalfYear half);

    String contentType();

    byte[] write(List<Row> rows);
}
