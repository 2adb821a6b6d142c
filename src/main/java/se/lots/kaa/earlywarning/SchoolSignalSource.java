package se.lots.kaa.earlywarning;

import se.lots.shared.TabularFile;

/**
 * Where school absence signals come from. Today a file the school sends ({@link SchoolSignalFile}); an SS 12000 feed
 * (Person, Organisation/school unit, Enrolment/Placement, StudentGroup, Attendance) would be a second
 * implementation that fetches, keeps a snapshot and reads it into the same rows: one per student, school and period,
 * under the headers of {@link SignalColumn}. The import checks, previews and saves whatever the source delivers, all
 * or nothing. See docs/kaa.md for the SS 12000 mapping.
 */
public interface SchoolSignalSource {

    /** {@code FILE} or {@code SS12000}: recorded on the import. */
    String kind();

    /**
     * Everything the source reports, unchecked, as text exactly as the source had it. Throws
     * {@link se.lots.shared.InvalidInputException} on field {@code file} when nothing can be read at all.
     */
    TabularFile read();
}
