package se.lots.privacy;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import se.lots.organisation.OrganisationId;

/**
 * Gallring of one register: the module that holds the register ({@link PersonalDataHolder#register()} gives the same
 * code) says what a retention rule makes due and removes it. The retention job (privacy module) finds each register's
 * rule for the organisation ({@link RetentionRule}), shows the dry run from {@link #countDue} and, once approved,
 * calls {@link #removeDue} for every register in one transaction.
 *
 * <p>The contract, which every implementation keeps:
 * <ul>
 * <li>Only the organisation's own records: nothing another organisation holds on the same person is counted or
 * touched.</li>
 * <li>{@link #countDue} only reads, and counts exactly what {@link #removeDue} would remove on the same day with the
 * same rule (the dry run is the removal's promise).</li>
 * <li>{@link #removeDue} runs in the caller's transaction (it refuses to run without one), so the whole run is all or
 * nothing: an error (or the process dying) leaves every table as it was. It removes every row of its
 * {@link PersonalDataHolder#tables()} that belongs to the due records, children before parents, and leaves no row of
 * those tables pointing at a removed one.</li>
 * <li>Its own SQL over its own tables only: it calls nothing in other modules (not the registry, not the audit log).
 * The caller logs the run and, where the person is gone from every register, asks the registry and the audit log to
 * forget them.</li>
 * <li>A rule whose {@link RetentionRule#register()} or {@link RetentionRule#recordKind()} is not this eraser's is
 * refused ({@link IllegalArgumentException}).</li>
 * <li>The same holds for erasing one person ({@link #countPerson}, {@link #erasePerson}): the privacy module decides
 * whether the law allows it (GDPR art. 17, the organisation's kind, {@link #mustKeep}); the eraser only removes.</li>
 * </ul>
 */
public interface PersonalDataEraser {

    /** The register's code, the same as its {@link PersonalDataHolder#register()}. */
    String register();

    /** The kinds of record ({@link RetentionRule#recordKind()}) this eraser applies rules of, e.g. "EPISODE". */
    Set<String> recordKinds();

    /** The dry run: what {@code rule} makes due in the organisation on {@code today}, nothing changed. */
    RetentionCount countDue(OrganisationId organisation, RetentionRule rule, LocalDate today);

    /**
     * Writes every row {@link #removeDue} would remove on the same day with the same rule to {@code sink}, children
     * before parents as the removal goes, nothing changed: the archive package made before the removal, in the same
     * transaction as the removal.
     */
    void archiveDue(OrganisationId organisation, RetentionRule rule, LocalDate today, ArchiveSink sink);

    /**
     * Removes what {@link #countDue} counts, in the caller's transaction; returns what it removed, with the persons'
     * ids ({@link RetentionCount#personIds()}) so that the caller can find who is gone from every register.
     */
    RetentionCount removeDue(OrganisationId organisation, RetentionRule rule, LocalDate today);

    /**
     * Of {@code persons}, those this register still holds anything on, in any organisation: after a removal, a person
     * no register still holds is removed from the registry and forgotten in the audit log.
     */
    Set<UUID> stillHeld(Collection<UUID> persons);

    /** What the organisation holds on the person in this register (an erasure's preview), nothing changed. */
    RetentionCount countPerson(OrganisationId organisation, UUID personId);

    /**
     * Erasure of one person, once the privacy module has decided that the law allows it: removes everything the
     * organisation holds on the person in this register, in the caller's transaction, with the same all-or-nothing
     * contract as {@link #removeDue}; returns what it removed.
     */
    RetentionCount erasePerson(OrganisationId organisation, UUID personId);

    /**
     * Why this register must keep what the organisation holds on the person now, whatever kind of organisation it is
     * (e.g. an open KAA episode: the activity responsibility is running): a message key in the bundles
     * ("privacy.keep." + register + "." + reason); empty when nothing in the register itself stands in the way.
     */
    Optional<String> mustKeep(OrganisationId organisation, UUID personId);
}
