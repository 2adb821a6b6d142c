package se.lots.audit;

import java.util.Optional;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * For a module test that starts the audit module without the registry: the auditor's page needs a
 * {@link PersonLookup}, which only the registry provides; here nobody is in the registry.
 */
@TestConfiguration(proxyBeanMethods = false)
public class WithoutRegistry {

    @Bean
    PersonLookup nobodyInTheRegistry() {
        return personalIdentityNumber -> Optional.empty();
    }
}
