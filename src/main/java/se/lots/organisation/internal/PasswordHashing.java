package se.lots.organisation.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How a password is hashed, kept with the accounts that store the hashes: OrganisationService hashes a new
 * account's password, and the security module checks a login against the same encoder. Defined in security, it
 * tied organisation to a module that itself depends on organisation, and organisation could not start alone.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default, and old hashes keep working if the default changes
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
