package se.lots.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValidationTest {

    @Test
    void aValueTypesRefusalBecomesAnErrorOfTheFieldWithTheTypesOwnText() {
        var v = new Validation();

        Integer parsed = v.value("age", "abc", text -> {
            throw new InvalidValueException("age.invalid", text);
        });

        assertThat(parsed).isNull();
        assertThatThrownBy(v::throwIfInvalid).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("age");
                    assertThat(error.messageKey()).isEqualTo("age.invalid");
                    assertThat(error.arguments()).containsExactly("abc");
                }));
    }

    @Test
    void aValueTheTypeAcceptsIsReturnedWithoutAnError() {
        var v = new Validation();

        Integer parsed = v.value("age", "17", Integer::valueOf);

        assertThat(parsed).isEqualTo(17);
        assertThat(v.hasErrors("age")).isFalse();
    }
}
