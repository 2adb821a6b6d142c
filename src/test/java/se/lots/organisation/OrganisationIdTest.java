package se.lots.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.json.JsonMapper;

import se.lots.shared.InvalidValueException;

class OrganisationIdTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(longs = { 0, -1, Long.MIN_VALUE })
    void anIdTheDatabaseNeverGivesIsRefused(long value) {
        assertThatThrownBy(() -> new OrganisationId(value)).isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).messageKey()).isEqualTo("organisation.invalidId");
    }

    @Test
    void twoIdsOfTheSameOrganisationAreEqual() {
        assertThat(new OrganisationId(7)).isEqualTo(new OrganisationId(7)).isNotEqualTo(new OrganisationId(8));
    }

    @Test
    void jsonAndPagesShowTheBareNumber() {
        var id = new OrganisationId(42);
        assertThat(json.writeValueAsString(id)).isEqualTo("42");
        assertThat(json.readValue("42", OrganisationId.class)).isEqualTo(id);
        assertThat(json.writeValueAsString(new Holder(id, null))).isEqualTo("{\"organisationId\":42,\"other\":null}");
        assertThat(json.readValue("{\"organisationId\":42}", Holder.class)).isEqualTo(new Holder(id, null));
        assertThat(id).hasToString("42");
    }

    record Holder(OrganisationId organisationId, OrganisationId other) {
    }
}
