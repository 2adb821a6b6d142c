package se.lots.registry;

// The input is left out of the message so that personnummer do not end up in logs.
public class InvalidPersonalIdentityNumberException extends IllegalArgumentException {

    public enum Reason {
        FORMAT("pin.invalid.format", "Personnumret ska ha 10 eller 12 siffror, t.ex. ÅÅÅÅMMDD-NNNN."),
        DATE("pin.invalid.date", "Personnumret innehåller inget giltigt datum."),
        CHECKSUM("pin.invalid.checksum", "Personnumrets kontrollsiffra stämmer inte."),
        FUTURE("pin.invalid.future", "Personnumrets födelsedatum ligger i framtiden.");

        private final String messageKey;
        private final String message;

        Reason(String messageKey, String message) {
            this.messageKey = messageKey;
            this.message = message;
        }

        public String messageKey() {
            return messageKey;
        }

        public String message() {
            return message;
        }
    }

    private static final long serialVersionUID = 1L;

    private final Reason reason;

    public InvalidPersonalIdentityNumberException(Reason reason) {
        super(reason.message());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public String messageKey() {
        return reason.messageKey();
    }
}
