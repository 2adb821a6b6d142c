package se.lots.appointment.internal;

/**
 * Sends a text message. Lots has two: {@link LogOnlySmsGateway} (the default: the demo and a municipality without a
 * contract write the message to the log only) and {@link FortySixElksSmsGateway} (46elks' HTTP API), chosen with
 * {@code lots.sms.provider}. An operator adds another by implementing this.
 */
public interface SmsGateway {

    /** Sends {@code text} to {@code phone} (a Swedish number as typed); throws when the gateway refuses it. */
    void send(String phone, String text);

    /** A Swedish number as typed ("070-123 45 67", "+46 70 …") in E.164 ("+46701234567"). */
    static String e164(String phone) {
        String digits = phone.replaceAll("[^0-9+]", "");
        if (digits.startsWith("+")) {
            return digits;
        }
        if (digits.startsWith("00")) {
            return "+" + digits.substring(2);
        }
        if (digits.startsWith("0")) {
            return "+46" + digits.substring(1);
        }
        return "+46" + digits;
    }
}
