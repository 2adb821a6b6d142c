package se.lots.privacy.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.organisation.OrganisationId;
import se.lots.organisation.Role;
import se.lots.privacy.RetentionEvent;
import se.lots.privacy.RetentionRule;
import se.lots.privacy.RetentionRuleChanged;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.Validation;

/**
 * The retention rules of the administrator's organisation: Lots' default for each register and kind of record
 * ({@link RetentionDefaults}) unless the organisation has set its own. Only an administrator reads or sets them; each
 * change is logged (as {@link RetentionRuleChanged}, which the audit module writes in the same transaction).
 */
@Service
public class RetentionRuleService {

    static final int MAX_LEGAL_BASIS = 2000;

    /**
     * The audit log is one hash chain for the whole installation: its rule is the installation's
     * ({@code lots.audit.retention.months}, applied by the audit module's nightly job), shown but not set here.
     */
    public static final String INSTALLATION_REGISTER = "audit";

    /** A rule as it applies to the organisation: its own (with who set it, when and the version) or the default. */
    public record Applied(RetentionRule rule, RetentionRule defaultRule, boolean own, String setByName, Instant setAt,
            Integer version) {
    }

    /** The form: register and kind name the rule; the rest as typed; version is null for a first own rule. */
    public record RuleInput(String register, String recordKind, String keepMonths, String countedFrom,
            String legalBasis, Boolean archiveFirst, Integer version) {
    }

    private final RetentionRules rules;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int auditMonths;

    RetentionRuleService(RetentionRules rules, ApplicationEventPublisher events, Clock clock,
            @Value("${lots.audit.retention.months:60}") int auditMonths) {
        this.rules = rules;
        this.events = events;
        this.clock = clock;
        this.auditMonths = auditMonths;
    }

    /** Every register's rules for the administrator's organisation, in the defaults' order. */
    @Transactional(readOnly = true)
    public List<Applied> rules(Actor actor) {
        requireAdmin(actor);
        return applied(actor.organisationId());
    }

    /**
     * The rules that apply to {@code organisation} (for the retention job and the dry run, which check their own
     * caller): the organisation's own rule where it has one, else the default.
     */
    @Transactional(readOnly = true)
    public List<Applied> applied(OrganisationId organisation) {
        Map<String, RetentionRules.Stored> own = rules.ofOrganisation(organisation).stream()
                .collect(Collectors.toMap(s -> key(s.rule()), Function.identity()));
        var result = new ArrayList<Applied>();
        for (RetentionRule d : RetentionDefaults.RULES) {
            if (d.register().equals(INSTALLATION_REGISTER)) {
                var installation = new RetentionRule(d.register(), d.recordKind(), auditMonths, d.countedFrom(),
                        d.legalBasis(), d.archiveFirst());
                result.add(new Applied(installation, installation, false, null, null, null));
                continue;
            }
            var stored = own.get(key(d));
            result.add(stored == null ? new Applied(d, d, false, null, null, null)
                    : new Applied(stored.rule(), d, true, stored.setByName(), stored.setAt(), stored.version()));
        }
        return result;
    }

    /**
     * Sets the organisation's own rule for a register and kind of record. Refused with the field named when the
     * legal basis is missing, the period is not a whole number of months (0–1200) or the event is unknown; a
     * {@link ConflictException} when someone else changed the rule since the form was shown.
     */
    @Transactional
    public RetentionRule set(Actor actor, RuleInput input) {
        requireAdmin(actor);
        var v = new Validation();
        RetentionRule defaultRule = input.register() == null || input.recordKind() == null ? null
                : RetentionDefaults.of(input.register(), input.recordKind()).orElse(null);
        if (defaultRule == null) {
            v.reject("register", "privacy.retention.unknownRegister");
        } else if (defaultRule.register().equals(INSTALLATION_REGISTER)) {
            v.reject("register", "privacy.retention.installationRule");
        }
        Integer months = null;
        if (input.keepMonths() == null || input.keepMonths().isBlank()) {
            v.reject("keepMonths", "privacy.retention.keepMonthsRequired");
        } else {
            try {
                months = Integer.valueOf(input.keepMonths().strip());
            } catch (NumberFormatException e) {
                months = -1;
            }
            if (months < 0 || months > 1200) {
                v.reject("keepMonths", "privacy.retention.keepMonthsRange");
            }
        }
        RetentionEvent event = v.enumValue("countedFrom", input.countedFrom(), RetentionEvent.class, true);
        String basis = input.legalBasis() == null ? null : input.legalBasis().strip();
        if (basis == null || basis.isEmpty()) {
            v.reject("legalBasis", "privacy.retention.legalBasisRequired");
        }
        v.maxLength("legalBasis", basis, MAX_LEGAL_BASIS);
        v.throwIfInvalid();
        var rule = new RetentionRule(defaultRule.register(), defaultRule.recordKind(), months, event, basis,
                Boolean.TRUE.equals(input.archiveFirst()));
        var before = rules.find(actor.organisationId(), rule.register(), rule.recordKind());
        if (before.isPresent() != (input.version() != null)
                || !rules.save(actor.organisationId(), rule, actor.userId(), actor.displayName(), clock.instant(),
                        input.version())) {
            throw new ConflictException("privacy.retention.changedMeanwhile", key(rule));
        }
        events.publishEvent(new RetentionRuleChanged(actor, before.map(RetentionRules.Stored::rule).orElse(null),
                rule));
        return rule;
    }

    private static String key(RetentionRule rule) {
        return rule.register() + "/" + rule.recordKind();
    }

    private static void requireAdmin(Actor actor) {
        if (actor.role() != Role.ADMIN) {
            throw new AccessDeniedException("only an administrator keeps the retention rules");
        }
    }
}
