package se.lots.appointment;

/**
 * A booking as typed: {@code date} ÅÅÅÅ-MM-DD and {@code time} TT:MM in Swedish time, {@code minutes} its length
 * (default 60), {@code place} an address or neutral place, {@code withUserId} the staff member (default: the one who
 * books), {@code reminderChannel} SMS, EPOST or INGEN and {@code reminderAddress} the number or address the young
 * person gave (for a person without protected identity, empty means the one in the register).
 */
public record AppointmentInput(String date, String time, Integer minutes, String place, String purpose,
        String context, Long withUserId, String reminderChannel, String reminderAddress) {
}
