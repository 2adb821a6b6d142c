package se.lots.appointment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class NeutralPlaceTest {

    static final List<String> NAMES = List.of("Svalövs kommun", "Ungdomsteamet Norr", "AF", "Arbetsförmedlingen");

    @Test
    void anAddressOrANeutralPlacePasses() {
        assertThat(NeutralPlace.revealingIn("Storgatan 5, entrén", NAMES)).isEmpty();
        assertThat(NeutralPlace.revealingIn("Stadsbiblioteket, Kungsgatan 2, Svalöv", NAMES)).isEmpty();
        // a word that only contains a revealing one is not it: "Sockerbruket" is not "soc"
        assertThat(NeutralPlace.revealingIn("Sockerbruket, plan 2", NAMES)).isEmpty();
    }

    @Test
    void aSocialHealthOrTreatmentServiceIsRefusedWhateverItsCase() {
        assertThat(NeutralPlace.revealingIn("SOCIALTJÄNSTEN, Storgatan 5", NAMES)).contains("socialtjänst");
        assertThat(NeutralPlace.revealingIn("BUP Lund", NAMES)).contains("BUP");
        assertThat(NeutralPlace.revealingIn("Vardcentralen Ekdal", NAMES)).as("written without å")
                .contains("vårdcentral");
        // Swedish compounds: the revealing part inside a longer word
        assertThat(NeutralPlace.revealingIn("Beroendemottagningen, hus 3", NAMES)).contains("beroende");
        assertThat(NeutralPlace.revealingIn("Vuxenpsykiatrin, ingång B", NAMES)).contains("psykiatri");
    }

    @Test
    void theNameOfAnOrganisationOrUnitInLotsIsRefused() {
        assertThat(NeutralPlace.revealingIn("Ungdomsteamet  norr, Storgatan 5", NAMES)).contains("Ungdomsteamet Norr");
        assertThat(NeutralPlace.revealingIn("Arbetsförmedlingen Lund", NAMES)).contains("Arbetsförmedlingen");
        // names shorter than three letters would match too much ("AF" in an address is not the agency)
        assertThat(NeutralPlace.revealingIn("Box AF 12", NAMES)).isEmpty();
    }

    @Test
    void aSwedishNumberAsTypedIsSentInE164() {
        assertThat(SmsGateway.e164("070-111 22 33")).isEqualTo("+46701112233");
        assertThat(SmsGateway.e164("+46 70 111 22 33")).isEqualTo("+46701112233");
        assertThat(SmsGateway.e164("0046701112233")).isEqualTo("+46701112233");
    }
}
