package se.lots.kaa.letter;

/** What a municipality's letters say about who sends them: return address (lines) and the phone to call. */
public record LetterSender(String returnAddress, String phone) {

    static final LetterSender NONE = new LetterSender(null, null);

    public java.util.List<String> returnAddressLines() {
        return returnAddress == null ? java.util.List.of()
                : returnAddress.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
