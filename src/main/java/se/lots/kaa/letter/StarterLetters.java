package se.lots.kaa.letter;

import java.util.List;

/**
 * The letters every municipality starts with. They are in Swedish on purpose: they are the municipality's own text
 * to young people, which the coordinator edits, not interface text. The first is the letter of the Svalöv
 * outreach report: after it was rewritten from bureaucratic language to "vi har varit hemma hos dig och vill gärna
 * komma i kontakt med dig", most of those not at home on a visit got in touch themselves.
 */
final class StarterLetters {

    record Starter(String name, String heading, String body) {
    }

    static final List<Starter> ALL = List.of(
            new Starter("Efter hembesök", "Vi har varit hemma hos dig", """
                    Hej {förnamn}!

                    Vi har varit hemma hos dig och vill gärna komma i kontakt med dig för att hjälpa dig vidare mot jobb eller studier.

                    Vi arbetar på {kommun} och träffar unga som inte går i gymnasiet just nu. Det kostar ingenting, och du bestämmer själv vad vi pratar om.

                    Ring eller sms:a mig på {telefon}, så hittar vi en tid som passar dig.

                    Hälsningar
                    {handläggare}
                    {kommun}"""),
            new Starter("Första kontakt", "Vi vill gärna träffa dig", """
                    Hej {förnamn}!

                    Vi ser att du inte går i gymnasiet just nu. Kommunen ska hålla kontakt med alla under 20 år som inte studerar, och erbjuda stöd om du vill ha det.

                    Vi vill gärna höra hur du har det och vad du vill göra framåt – jobba, plugga eller något annat. Du behöver inte ha en plan. Det är därför vi finns.

                    Hör av dig till mig på {telefon}. Du får gärna ta med en förälder eller en kompis när vi ses.

                    Hälsningar
                    {handläggare}
                    {kommun}"""),
            new Starter("Vi har inte nått dig", "Vi har inte fått tag på dig", """
                    Hej {förnamn}!

                    Vi har försökt nå dig några gånger. Vi hör av oss för att vi vill hjälpa dig, inte för att du har gjort något fel.

                    Ring eller sms:a mig på {telefon} när det passar dig. Om du redan jobbar eller studerar får du gärna berätta det, så vet vi att allt är bra.

                    Hälsningar
                    {handläggare}
                    {kommun}"""));

    private StarterLetters() {
    }
}
