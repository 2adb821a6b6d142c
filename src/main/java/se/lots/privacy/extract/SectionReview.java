package se.lots.privacy.extract;

/** The secrecy review of one register's part of an extract: disclosed, or withheld with the reviewer's reason. */
public record SectionReview(String register, boolean disclose, String withheldReason) {
}
