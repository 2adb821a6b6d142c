package se.lots.privacy.retention;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.organisation.Role;
import se.lots.privacy.PersonalDataEraser;
import se.lots.privacy.RetentionCount;
import se.lots.privacy.RetentionRule;
import se.lots.security.Actor;

/**
 * The dry run (provkörning) for the administrator's organisation: for each register's rule, what it makes due today —
 * how many persons and how many rows of which table — through the register's {@link PersonalDataEraser}, nothing
 * changed. A register without an eraser is shown as not yet built. A run freezes it ({@link RetentionRunService}).
 */
@Service
public class RetentionDryRun {

    /** One register's rule and what it finds due; {@code count} is null where the register has no eraser yet. */
    public record Line(RetentionRule rule, boolean own, RetentionCount count) {
    }

    private final RetentionRuleService rules;
    private final List<PersonalDataEraser> erasers;
    private final Clock clock;

    RetentionDryRun(RetentionRuleService rules, List<PersonalDataEraser> erasers, Clock clock) {
        this.rules = rules;
        this.erasers = erasers;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Line> run(Actor actor) {
        if (actor.role() != Role.ADMIN) {
            throw new AccessDeniedException("only an administrator runs the retention dry run");
        }
        LocalDate today = LocalDate.now(clock);
        var lines = new ArrayList<Line>();
        for (var applied : rules.applied(actor.organisationId())) {
            RetentionRule rule = applied.rule();
            RetentionCount count = erasers.stream()
                    .filter(e -> e.register().equals(rule.register()) && e.recordKinds().contains(rule.recordKind()))
                    .findFirst().map(e -> e.countDue(actor.organisationId(), rule, today)).orElse(null);
            lines.add(new Line(rule, applied.own(), count));
        }
        return lines;
    }
}
