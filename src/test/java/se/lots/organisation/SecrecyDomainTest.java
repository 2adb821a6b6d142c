package se.lots.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecrecyDomainTest {

    private static final OrganisationId KOMMUN = new OrganisationId(7);

    @Test
    void anOrganisationNotDividedIntoLinesIsOneDomainThatDoesEveryLinesWork() {
        var whole = SecrecyDomain.wholeOrganisation(KOMMUN);
        assertThat(whole.wholeOrganisation()).isTrue();
        assertThat(whole.includes(LineOfWork.UTBILDNING_KAA)).isTrue();
        assertThat(whole.includes(LineOfWork.SOCIALTJANST)).isTrue();
    }

    @Test
    void aLineOfWorkDoesOnlyItsOwnWorkWhateverItsNamnd() {
        var social = new SecrecyDomain(KOMMUN, " Socialnämnden ", LineOfWork.SOCIALTJANST);
        assertThat(social.wholeOrganisation()).isFalse();
        assertThat(social.includes(LineOfWork.SOCIALTJANST)).isTrue();
        assertThat(social.includes(LineOfWork.UTBILDNING_KAA)).isFalse();
        // the nämnd is compared as written, without the spaces around it
        assertThat(social).isEqualTo(new SecrecyDomain(KOMMUN, "Socialnämnden", LineOfWork.SOCIALTJANST));
        assertThat(social).isNotEqualTo(new SecrecyDomain(KOMMUN, "Bildningsnämnden", LineOfWork.SOCIALTJANST));
        assertThat(new SecrecyDomain(KOMMUN, null, LineOfWork.ANNAN).committee()).isEmpty();
    }

    @Test
    void aLineOfWorkIsReadFromItsCodeAndNothingElse() {
        assertThat(LineOfWork.parse(" SOCIALTJANST ")).isEqualTo(LineOfWork.SOCIALTJANST);
        assertThat(LineOfWork.parse("")).isNull();
        assertThat(LineOfWork.parse(null)).isNull();
        assertThatThrownBy(() -> LineOfWork.parse("socialtjänst")).isInstanceOf(IllegalArgumentException.class);
    }
}
