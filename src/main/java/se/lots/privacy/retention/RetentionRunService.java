package se.lots.privacy.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import se.lots.organisation.OrganisationId;
import se.lots.organisation.Role;
import se.lots.privacy.DataSubjects;
import se.lots.privacy.PersonalDataEraser;
import se.lots.privacy.PersonalDataHolder;
import se.lots.privacy.RetentionCount;
import se.lots.privacy.RetentionRule;
import se.lots.privacy.RetentionRunApproved;
import se.lots.privacy.RetentionRunExecuted;
import se.lots.privacy.retention.RetentionRun.Line;
import se.lots.privacy.retention.RetentionRun.Status;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.NotFoundException;

/**
 * The approved retention run (gallringskörning) of the administrator's organisation, in three steps by named people:
 * {@link #prepare} freezes the dry run of today, {@link #approve} records another administrator's approval, and
 * {@link #execute} removes, in one transaction, exactly what was frozen — or nothing, when the data or a rule changed
 * since. Only administrators of the organisation see or act on its runs.
 */
@Service
public class RetentionRunService {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionRunService.class);

    /** Registers no eraser removes: the registry's persons are forgotten once no register holds them; the log's own. */
    private static final Set<String> NOT_HOLDING = Set.of("registry", "audit");

    private final RetentionRuleService rules;
    private final RetentionRuns runs;
    private final List<PersonalDataEraser> erasers;
    private final List<PersonalDataHolder> holders;
    private final DataSubjects subjects;
    private final ArchivePackages archive;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate removal;
    private final TransactionTemplate failure;

    RetentionRunService(RetentionRuleService rules, RetentionRuns runs, List<PersonalDataEraser> erasers,
            List<PersonalDataHolder> holders, DataSubjects subjects, ArchivePackages archive,
            ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions) {
        this.rules = rules;
        this.runs = runs;
        this.erasers = erasers;
        this.holders = holders;
        this.subjects = subjects;
        this.archive = archive;
        this.events = events;
        this.clock = clock;
        this.removal = new TransactionTemplate(transactions);
        this.failure = new TransactionTemplate(transactions);
        this.failure.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The organisation's runs, newest first. */
    @Transactional(readOnly = true)
    public List<RetentionRun> runs(Actor actor) {
        requireAdmin(actor);
        return runs.ofOrganisation(actor.organisationId());
    }

    /** One run of the organisation; {@link NotFoundException} for another organisation's. */
    @Transactional(readOnly = true)
    public RetentionRun run(Actor actor, UUID runId) {
        requireAdmin(actor);
        return found(actor.organisationId(), runId);
    }

    /**
     * Freezes today's dry run into a run (PREPARED): every register's rule as it applies now (legal basis, archive
     * flag, the own rule's version) and what it finds due today per table, prepared by {@code actor}.
     */
    @Transactional
    public RetentionRun prepare(Actor actor) {
        requireAdmin(actor);
        OrganisationId org = actor.organisationId();
        LocalDate today = LocalDate.now(clock);
        var lines = new ArrayList<Line>();
        for (var applied : rules.applied(org)) {
            RetentionRule rule = applied.rule();
            RetentionCount due = eraser(rule).map(e -> e.countDue(org, rule, today)).orElse(null);
            lines.add(new Line(rule, applied.own(), applied.version(), due, null));
        }
        UUID id = runs.insert(org, today, actor.userId(), actor.displayName(), clock.instant(), lines);
        return found(org, id);
    }

    /**
     * Approves a prepared run: an administrator of the organisation other than the one who prepared it (four eyes: the
     * arkivansvarig decides). {@link ConflictException} when the run is not waiting for approval, was prepared by
     * {@code actor}, or changed since {@code version} was shown.
     */
    @Transactional
    public RetentionRun approve(Actor actor, UUID runId, int version) {
        requireAdmin(actor);
        RetentionRun run = found(actor.organisationId(), runId);
        if (run.status() != Status.PREPARED) {
            throw new ConflictException("privacy.retention.run.notPrepared", runId);
        }
        if (run.preparedBy() == actor.userId()) {
            throw new ConflictException("privacy.retention.run.ownApproval", runId);
        }
        if (!runs.approve(runId, version, actor.userId(), actor.displayName(), clock.instant())) {
            throw new ConflictException("privacy.retention.run.changedMeanwhile", runId);
        }
        events.publishEvent(new RetentionRunApproved(actor, runId, run.day(), run.preparedByName()));
        return found(actor.organisationId(), runId);
    }

    /**
     * Executes an approved run in one transaction: recounts every register with the frozen rules and the frozen day
     * and, where anything differs or a rule changed since, ends the run REFUSED with nothing removed; else writes the
     * archive package where a rule asks for one, removes each register's due records ({@code removeDue}), removes from
     * the registry and forgets in the audit log the persons no register holds any more, logs the run, and records what
     * was removed (DONE). When the removal fails (an error, the database session lost) its transaction is rolled back
     * and the run is marked FAILED in a new one; a new run can then be prepared. {@link ConflictException} when the run
     * is not approved or changed since {@code version} was shown.
     */
    public RetentionRun execute(Actor actor, UUID runId, int version) {
        requireAdmin(actor);
        try {
            return removal.execute(tx -> executeInTransaction(actor, runId, version));
        } catch (ConflictException | NotFoundException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.error("retention run {} of organisation {} failed; nothing was removed", runId,
                    actor.organisationId().value(), e);
            String detail = String.valueOf(e.getMessage());
            failure.executeWithoutResult(tx -> runs.finish(runId, Status.FAILED, actor.userId(), actor.displayName(),
                    clock.instant(), "privacy.retention.run.failed",
                    e.getClass().getSimpleName() + ": " + detail.substring(0, Math.min(detail.length(), 500)), null,
                    null));
            return failure.execute(tx -> found(actor.organisationId(), runId));
        }
    }

    private RetentionRun executeInTransaction(Actor actor, UUID runId, int version) {
        OrganisationId org = actor.organisationId();
        RetentionRun run = runs.lock(org, runId).orElseThrow(() -> new NotFoundException("retention run " + runId));
        if (run.version() != version) {
            throw new ConflictException("privacy.retention.run.changedMeanwhile", runId);
        }
        if (run.status() != Status.APPROVED) {
            throw new ConflictException("privacy.retention.run.notApproved", runId);
        }
        Optional<String> changed = changedSince(run);
        if (changed.isPresent()) {
            return refuse(actor, run, "privacy.retention.run.changed", changed.get());
        }
        boolean archiving = run.lines().stream()
                .anyMatch(l -> l.rule().archiveFirst() && l.due() != null && !l.due().isEmpty());
        // the package is written as the rows go, in this transaction, and put in place before it commits
        ArchivePackage pkg = archiving ? archive.open(runId, actor.organisationName(), org, run.day(),
                run.approvedByName()) : null;
        try {
            var candidates = new LinkedHashSet<UUID>();
            long persons = 0;
            long rows = 0;
            for (int position : removalOrder(run.lines())) {
                Line line = run.lines().get(position);
                if (line.due() == null) {
                    continue;
                }
                PersonalDataEraser eraser = eraser(line.rule()).orElseThrow();
                RetentionCount removed;
                if (line.due().isEmpty()) {
                    removed = line.due();
                } else {
                    if (line.rule().archiveFirst()) {
                        eraser.archiveDue(org, line.rule(), run.day(), pkg.sink(line.rule()));
                    }
                    removed = eraser.removeDue(org, line.rule(), run.day());
                    if (!sameCount(removed, line.due())) {
                        // the recount agreed, so someone changed the register in between: all or nothing
                        throw new IllegalStateException("register " + line.rule().register() + " removed "
                                + removed.rowsByTable() + " (" + removed.persons() + " persons), the run froze "
                                + line.due().rowsByTable() + " (" + line.due().persons() + ")");
                    }
                }
                runs.recordRemoved(runId, position, removed);
                candidates.addAll(removed.personIds());
                persons += removed.persons();
                rows += removed.rows();
            }
            Set<UUID> gone = new LinkedHashSet<>(candidates);
            gone.removeAll(stillHeld(candidates));
            // logged before the persons are forgotten: the entry names nobody, and forgetting comes last (ADR 0010)
            events.publishEvent(new RetentionRunExecuted(actor, runId, run.day(), Status.DONE.name(), persons, rows,
                    gone.size()));
            subjects.forget(gone);
            String reference = pkg == null ? null : pkg.finish().getFileName().toString();
            runs.finish(runId, Status.DONE, actor.userId(), actor.displayName(), clock.instant(), null, null,
                    gone.size(), reference);
        } catch (RuntimeException e) {
            if (pkg != null) {
                pkg.abort();
            }
            throw e;
        }
        return found(org, runId);
    }

    private RetentionRun refuse(Actor actor, RetentionRun run, String reasonKey, String detail) {
        runs.finish(run.id(), Status.REFUSED, actor.userId(), actor.displayName(), clock.instant(), reasonKey, detail,
                null, null);
        events.publishEvent(new RetentionRunExecuted(actor, run.id(), run.day(), Status.REFUSED.name(), 0, 0, 0));
        return found(actor.organisationId(), run.id());
    }

    /** What differs between the frozen run and the rules and data now; empty when nothing does. */
    private Optional<String> changedSince(RetentionRun run) {
        OrganisationId org = run.organisationId();
        Map<String, RetentionRuleService.Applied> now = new HashMap<>();
        rules.applied(org).forEach(a -> now.put(key(a.rule()), a));
        if (now.size() != run.lines().size()) {
            return Optional.of("the set of rules changed");
        }
        for (Line line : run.lines()) {
            var applied = now.get(key(line.rule()));
            if (applied == null || !applied.rule().equals(line.rule()) || applied.own() != line.own()
                    || !Objects.equals(applied.version(), line.ruleVersion())) {
                return Optional.of("rule " + key(line.rule()) + " changed");
            }
            var eraser = eraser(line.rule());
            if (eraser.isPresent() != (line.due() != null)) {
                return Optional.of("register " + line.rule().register() + " can "
                        + (eraser.isPresent() ? "now" : "no longer") + " be removed");
            }
            if (eraser.isPresent()) {
                RetentionCount count = eraser.get().countDue(org, line.rule(), run.day());
                if (!sameCount(count, line.due())) {
                    return Optional.of("register " + line.rule().register() + " now has " + count.rowsByTable()
                            + " (" + count.persons() + " persons) due, the run froze " + line.due().rowsByTable()
                            + " (" + line.due().persons() + ")");
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Of the persons the run removed records of, those still held: by a register with an eraser (its
     * {@code stillHeld}, in any organisation), or by a register without one yet, whose extract still finds something.
     */
    private Set<UUID> stillHeld(Set<UUID> candidates) {
        Set<UUID> held = new HashSet<>();
        if (candidates.isEmpty()) {
            return held;
        }
        Set<String> erasable = new HashSet<>();
        for (PersonalDataEraser eraser : erasers) {
            erasable.add(eraser.register());
            held.addAll(eraser.stillHeld(candidates));
        }
        for (PersonalDataHolder holder : holders) {
            if (erasable.contains(holder.register()) || NOT_HOLDING.contains(holder.register())) {
                continue;
            }
            for (UUID person : candidates) {
                if (!held.contains(person)) {
                    var section = holder.extract(person);
                    if (!section.isEmpty() || section.recordCount() > 0) {
                        held.add(person);
                    }
                }
            }
        }
        return held;
    }

    /**
     * The order the registers remove in, so that each removes exactly what the dry run froze: a register whose
     * records another register's records refer to goes before the referring one, whose removal would otherwise make
     * more of it due half-way through the run (a consent a removed referral was shared under, an enrolment progression
     * stops following); what such a removal releases is due in the next run. Consents before the plan (the plan's
     * referrals and meetings refer to consents), the plan before progression (the plan keeps the enrolments
     * progression follows). Registers not named go last, in the rules' order.
     */
    static final List<String> REMOVAL_ORDER = List.of("kaa", "consent", "plan", "progression", "appointment",
            "privacy");

    private static List<Integer> removalOrder(List<Line> lines) {
        return java.util.stream.IntStream.range(0, lines.size()).boxed()
                .sorted(java.util.Comparator.comparingInt(i -> {
                    int at = REMOVAL_ORDER.indexOf(lines.get(i).rule().register());
                    return at < 0 ? REMOVAL_ORDER.size() : at;
                })).toList();
    }

    private static boolean sameCount(RetentionCount a, RetentionCount b) {
        return a.persons() == b.persons() && a.rowsByTable().equals(b.rowsByTable());
    }

    private Optional<PersonalDataEraser> eraser(RetentionRule rule) {
        return erasers.stream()
                .filter(e -> e.register().equals(rule.register()) && e.recordKinds().contains(rule.recordKind()))
                .findFirst();
    }

    private RetentionRun found(OrganisationId org, UUID runId) {
        return runs.find(org, runId).orElseThrow(() -> new NotFoundException("retention run " + runId));
    }

    private static String key(RetentionRule rule) {
        return rule.register() + "/" + rule.recordKind();
    }

    private static void requireAdmin(Actor actor) {
        if (actor.role() != Role.ADMIN) {
            throw new AccessDeniedException("only an administrator prepares, approves and executes retention runs");
        }
    }
}
