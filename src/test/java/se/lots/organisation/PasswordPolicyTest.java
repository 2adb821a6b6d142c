package se.lots.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import se.lots.shared.FieldError;

class PasswordPolicyTest {

    private final PasswordPolicy policy = PasswordPolicy.shipped();

    private String refusal(String password, String username) {
        return policy.check(password, username).map(FieldError::messageKey).orElse("accepted");
    }

    @Test
    void thePasswordsTheAttackSetGotAcceptedAreRefused() {
        assertThat(refusal("aaaaaaaaaa", "kim")).isEqualTo("user.passwordTooShort");
        assertThat(refusal("1234567890", "kim")).isEqualTo("user.passwordTooShort");
        assertThat(refusal("lots-demo-2026", "kim")).isEqualTo("user.passwordTooShort");
    }

    @Test
    void theSameKindsOfPasswordAreRefusedAtFullLengthToo() {
        assertThat(refusal("aaaaaaaaaaaaaaaaaaaa", "kim")).isEqualTo("user.passwordPredictable");
        assertThat(refusal("abcabcabcabcabcabc", "kim")).isEqualTo("user.passwordPredictable");
        assertThat(refusal("123456789012345678", "kim")).isEqualTo("user.passwordPredictable");
        assertThat(refusal("9876543210987654", "kim")).isEqualTo("user.passwordPredictable");
        assertThat(refusal("qwertyuiopasdfgh", "kim")).isEqualTo("user.passwordPredictable");
        assertThat(refusal("lots-demo-2026-ny", "kim")).isEqualTo("user.passwordContext");
        assertThat(refusal("Lots!2026#######", "kim")).isEqualTo("user.passwordContext");
        assertThat(refusal("lösenord-1234567", "kim")).isEqualTo("user.passwordContext");
        assertThat(refusal("karin.ahlstrom-2026", "karin.ahlstrom")).isEqualTo("user.passwordContext");
    }

    @Test
    void commonAndLeakedPasswordsAreRefusedWithDigitsAndSignsAroundThem() {
        assertThat(refusal("123456789987654321", "kim")).as("in the list as it is").isEqualTo("user.passwordCommon");
        assertThat(refusal("Password2026!!!!", "kim")).isEqualTo("user.passwordCommon");
        assertThat(refusal("!!sunshine123456789", "kim")).isEqualTo("user.passwordCommon");
        assertThat(refusal("Dragon 2026-12-07", "kim")).isEqualTo("user.passwordCommon");
    }

    @Test
    void anyPrintableCharactersAndSpacesAreAcceptedWithoutCompositionRules() {
        assertThat(refusal("ett-langt-losenord", "kim")).isEqualTo("accepted");
        assertThat(refusal("häst batteri häftklammer", "kim")).isEqualTo("accepted");
        assertThat(refusal("alla små bokstäver och mellanslag", "kim")).isEqualTo("accepted");
        assertThat(refusal("¡Ñandú çà 😀 «quote» ~`|\\", "kim")).isEqualTo("accepted");
    }

    @Test
    void theLengthIsCountedInCharactersFrom15To64() {
        assertThat(refusal("x".repeat(3) + "yz-kort-ord", "kim")).isEqualTo("user.passwordTooShort");
        assertThat(refusal("fjorton tecken", "kim")).as("14").isEqualTo("user.passwordTooShort");
        assertThat(refusal("femton tecken!!", "kim")).as("15").isEqualTo("accepted");
        String sixtyFour = "en mening som är precis sextiofyra tecken lång, ingen mer. Slutt";
        assertThat(sixtyFour.codePointCount(0, sixtyFour.length())).isEqualTo(64);
        assertThat(refusal(sixtyFour, "kim")).isEqualTo("accepted");
        assertThat(refusal(sixtyFour + "!", "kim")).isEqualTo("user.passwordTooLong");
        assertThat(refusal("åäöåäöåäöåäöåäöåäöåäöåäöåäöåäöåäöåäöåäö", "kim")).as("78 bytes")
                .isEqualTo("user.passwordTooManyBytes");
    }

    @Test
    void controlCharactersAreRefused() {
        assertThat(refusal("ett lösenord\nmed radbrytning", "kim")).isEqualTo("user.passwordUnprintable");
        assertThat(refusal("ett lösenord\u200bmed nollbredd", "kim")).isEqualTo("user.passwordUnprintable");
    }

    @Test
    void theErrorNamesThePasswordField() {
        assertThat(policy.check("aaaaaaaaaa", "kim")).hasValueSatisfying(e -> assertThat(e.field()).isEqualTo("password"));
    }
}
