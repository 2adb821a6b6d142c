package se.lots.progression.registration;

/** A row of SUS reference data in the user's language, with the guidance shown beside it. */
public record Category(String code, String label, String help) {
}
