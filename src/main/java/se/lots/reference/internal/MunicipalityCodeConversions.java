package se.lots.reference.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;

import se.lots.reference.MunicipalityCode;

/**
 * A municipality_code column and a form's or query's {@code municipality=1214} become a {@link MunicipalityCode}:
 * the JdbcClient maps rows with this converter (database module), Spring MVC binds request parameters with it.
 */
@Configuration(proxyBeanMethods = false)
class MunicipalityCodeConversions {

    @Bean
    FromText municipalityCodeFromText() {
        return new FromText();
    }

    static final class FromText implements Converter<String, MunicipalityCode> {

        @Override
        public MunicipalityCode convert(String text) {
            return MunicipalityCode.parse(text);
        }
    }
}
