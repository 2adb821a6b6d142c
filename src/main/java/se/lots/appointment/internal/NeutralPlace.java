package se.lots.appointment.internal;

import java.text.Normalizer;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The place of a booked time is sent in reminders and calendar files, which others may read (a shared phone, a
 * parent, a mail server): it must not tell that the young person is in contact with social services, health care or
 * treatment. A place is refused when it holds one of the words below or the name of an organisation or unit in
 * Lots; an address, a library or "entrén på Storgatan 5" passes.
 */
public final class NeutralPlace {

    /**
     * Parts of words that reveal a social, health or treatment service, found anywhere in a word, since Swedish
     * compounds them ("Beroendemottagningen", "Vuxenpsykiatrin"); any case, accents ignored.
     */
    static final List<String> REVEALING_PARTS = List.of("socialtjänst", "socialkontor", "socialsekreterare",
            "familjeomsorg", "ekonomiskt bistånd", "försörjningsstöd", "familjebehandl", "missbruk", "beroende",
            "psykiatri", "vårdcentral", "hälsocentral", "mottagning", "habilitering", "behandlingshem", "avgiftning",
            "öppenvård", "kriminalvård", "frivård");

    /** Abbreviations that reveal one, as whole words only ("Sockerbruket" is not "soc"). */
    static final List<String> REVEALING_WORDS = List.of("soc", "ifo", "bup", "lss", "hvb", "bvc", "mvc");

    private NeutralPlace() {
    }

    /** The first revealing word or organisation/unit name in {@code place}; empty if the place is neutral. */
    public static Optional<String> revealingIn(String place, Collection<String> organisationAndUnitNames) {
        String text = folded(place);
        for (String part : REVEALING_PARTS) {
            if (text.contains(folded(part))) {
                return Optional.of(part);
            }
        }
        for (String word : REVEALING_WORDS) {
            if (contains(text, word)) {
                return Optional.of(word.toUpperCase(Locale.ROOT));
            }
        }
        for (String name : organisationAndUnitNames) {
            if (name != null && name.strip().length() >= 3 && contains(text, folded(name))) {
                return Optional.of(name.strip());
            }
        }
        return Optional.empty();
    }

    private static boolean contains(String text, String phrase) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(phrase) + "(?![\\p{L}\\p{N}])").matcher(text)
                .find();
    }

    private static String folded(String s) {
        String lower = s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        // å, ä, ö are letters of their own in Swedish, but a name typed without them is still the name
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
