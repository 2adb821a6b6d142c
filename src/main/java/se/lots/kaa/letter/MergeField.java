package se.lots.kaa.letter;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A place in a letter template that is filled in per recipient, written {förnamn} in the template. */
public enum MergeField {
    FORNAMN("förnamn"), EFTERNAMN("efternamn"), ADRESS("adress"), POSTNUMMER("postnummer"), POSTORT("postort"),
    KOMMUN("kommun"), HANDLAGGARE("handläggare"), TELEFON("telefon"), DATUM("datum");

    private final String word;

    MergeField(String word) {
        this.word = word;
    }

    /** As the coordinator writes it in a template. */
    public String placeholder() {
        return "{" + word + "}";
    }

    /** Case and surrounding spaces do not matter: {Förnamn} at the start of a sentence is {förnamn}. */
    static Optional<MergeField> byWord(String written) {
        String w = written.strip().toLowerCase(Locale.forLanguageTag("sv"));
        return Arrays.stream(values()).filter(f -> f.word.equals(w)).findFirst();
    }
}
