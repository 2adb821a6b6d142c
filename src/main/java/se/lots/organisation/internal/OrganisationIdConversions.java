package se.lots.organisation.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;

import se.lots.organisation.OrganisationId;

/**
 * An organisation_id column (a bigint) and a form's or query's {@code organisationId=5} become an
 * {@link OrganisationId}: the JdbcClient maps rows with these converters (database module), Spring MVC binds
 * request parameters with them.
 */
@Configuration(proxyBeanMethods = false)
class OrganisationIdConversions {

    @Bean
    FromNumber organisationIdFromNumber() {
        return new FromNumber();
    }

    @Bean
    FromText organisationIdFromText() {
        return new FromText();
    }

    static final class FromNumber implements Converter<Long, OrganisationId> {

        @Override
        public OrganisationId convert(Long value) {
            return new OrganisationId(value);
        }
    }

    static final class FromText implements Converter<String, OrganisationId> {

        @Override
        public OrganisationId convert(String text) {
            return text.isBlank() ? null : new OrganisationId(Long.parseLong(text.strip()));
        }
    }
}
