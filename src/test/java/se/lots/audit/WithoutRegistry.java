package se.lots.audit;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import se.lots.organisation.OrganisationId;
import se.lots.privacy.DataSubject;
import se.lots.privacy.DataSubjects;
import se.lots.security.Actor;

/**
 * For a module test that starts the audit module without the registry: the auditor's page needs a
 * {@link PersonLookup} and the register extract its {@link DataSubjects}, which only the registry provides; here
 * nobody is in the registry.
 */
@TestConfiguration(proxyBeanMethods = false)
public class WithoutRegistry {

    @Bean
    PersonLookup nobodyInTheRegistry() {
        return personalIdentityNumber -> Optional.empty();
    }

    /** The register extract's persons (the privacy module, which the audit log's register brings along). */
    @Bean
    DataSubjects noDataSubjects() {
        return new DataSubjects() {

            @Override
            public Optional<UUID> idByIdentity(String identity) {
                return Optional.empty();
            }

            @Override
            public Optional<OrganisationId> holder(UUID personId) {
                return Optional.empty();
            }

            @Override
            public Optional<DataSubject> read(Actor actor, UUID personId) {
                return Optional.empty();
            }

            @Override
            public Map<UUID, DataSubject> readAll(Actor actor, Collection<UUID> personIds) {
                return Map.of();
            }

            @Override
            public void recordExport(Actor actor, UUID personId, String detail) {
                throw new IllegalStateException("nobody is in the registry");
            }

            @Override
            public int forget(Collection<UUID> personIds) {
                throw new IllegalStateException("nobody is in the registry");
            }
        };
    }
}
