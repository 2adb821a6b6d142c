package se.lots.database.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The JdbcClient of every repository. Its row mapping ({@code .query(Organisation.class)}) also knows the modules'
 * value types: a module declares a {@code Converter} bean from the column's type (OrganisationIdConversions,
 * MunicipalityCodeConversions), and an {@code organisation_id} column becomes an {@code OrganisationId}. Parameters
 * are passed unwrapped ({@code .param(id.value())}), so that the SQL reads as plain values.
 */
@Configuration(proxyBeanMethods = false)
class JdbcClientConfiguration {

    @Bean
    JdbcClient jdbcClient(NamedParameterJdbcTemplate jdbc, ObjectProvider<Converter<?, ?>> converters) {
        var conversions = new DefaultConversionService();
        converters.orderedStream().filter(c -> c.getClass().getName().startsWith("se.lots."))
                .forEach(conversions::addConverter);
        return JdbcClient.create(jdbc, conversions);
    }
}
