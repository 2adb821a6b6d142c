package se.lots.appointment;

/** Came (KOM), did not come (UTEBLEV) or cancelled (INSTALLD), with a note, against the version last read. */
public record AttendanceInput(String attendance, String note, Integer version) {

    public AttendanceInput withVersion(int version) {
        return new AttendanceInput(attendance, note, version);
    }
}
