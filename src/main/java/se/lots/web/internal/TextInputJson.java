package se.lots.web.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

import se.lots.shared.TextInput;

/**
 * Every string in a JSON body goes through {@link TextInput}: normalised, or refused with the path of its field
 * ({@code address.street}), which {@link ApiErrorHandler} answers as a 400 naming that field.
 */
@Configuration(proxyBeanMethods = false)
class TextInputJson {

    @Bean
    JacksonModule textInputModule() {
        return new SimpleModule("lots-text-input").addDeserializer(String.class, new Strings());
    }

    /** Thrown while a body is read; Jackson adds the field's path on its way out. */
    static final class UnsafeText extends DatabindException {

        private static final long serialVersionUID = 1L;
        private final int codePoint;

        UnsafeText(JsonParser parser, int codePoint) {
            super(parser, "refused character " + TextInput.name(codePoint));
            this.codePoint = codePoint;
        }

        int codePoint() {
            return codePoint;
        }

        String field() {
            return fieldOf(this);
        }
    }

    /** {@code guardian.name}, {@code dependsOn[1]}: the field as the client wrote it. */
    static String fieldOf(DatabindException e) {
        var field = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static final class Strings extends StringDeserializer {

        private static final long serialVersionUID = 1L;

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            return property != null && TextInputFilter.exempt(property.getName()) ? StringDeserializer.instance
                    : this;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = TextInput.normalise(super.deserialize(parser, context));
            int refused = TextInput.firstRefused(value);
            if (refused >= 0) {
                throw new UnsafeText(parser, refused);
            }
            return value;
        }
    }
}
