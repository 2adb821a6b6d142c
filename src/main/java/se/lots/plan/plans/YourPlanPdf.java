package se.lots.plan.plans;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import se.lots.appointment.Appointment;
import se.lots.appointment.AppointmentService;
import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.organisation.UserAccounts;
import se.lots.plan.PlanPage;
import se.lots.plan.PlanService;
import se.lots.registry.RegistryService;
import se.lots.registry.YoungPerson;
import se.lots.security.Actor;
import se.lots.shared.HtmlPdf;

/**
 * "Din plan", the young person's own copy in plain Swedish: their goal, the next meeting, the next three things they
 * do (late ones first), who to call with the number, then the whole plan. Only steps that are not confidential and
 * not finished, and none of the internal fields (why, obstacles). Needs the shared plan and the person's record;
 * the download is audited as an export.
 */
@Component
class YourPlanPdf {

    private final PlanService plans;
    private final RegistryService registry;
    private final AppointmentService appointments;
    private final UserAccounts users;
    private final AuditLog audit;
    private final ITemplateEngine templates;
    private final Clock clock;

    YourPlanPdf(PlanService plans, RegistryService registry, AppointmentService appointments, UserAccounts users,
            AuditLog audit, ITemplateEngine templates, Clock clock) {
        this.plans = plans;
        this.registry = registry;
        this.appointments = appointments;
        this.users = users;
        this.audit = audit;
        this.templates = templates;
        this.clock = clock;
    }

    /**
     * The PDF for the young person {@code personId}, as {@code actor} may see their plan. The next meeting is read
     * from the actor's organisation's booked times (through the appointment module) and the plan's meetings.
     */
    @Transactional
    public byte[] forPerson(Actor actor, UUID personId) {
        PlanPage page = plans.page(actor, personId);
        if (!page.exists() || !page.view().shared()) {
            throw new AccessDeniedException("the young person's copy needs the shared plan");
        }
        YoungPerson person = registry.read(actor, personId).person();
        List<Appointment> times = appointments.forPerson(actor, personId);
        Long coordinatorId = page.plan().coordinatorUserId();
        YourPlan.Staff coordinator = coordinatorId == null ? null
                : users.byId(coordinatorId).map(u -> new YourPlan.Staff(u.displayName(), u.phone())).orElse(null);
        YourPlan.Staff printing = users.byId(actor.userId()).map(u -> new YourPlan.Staff(u.displayName(), u.phone()))
                .orElse(null);
        YourPlan plan = YourPlan.of(person.firstName(), person.protectedIdentity(), page, times, coordinator, printing,
                LocalDateTime.now(clock));
        byte[] pdf = render(plan);
        audit.record(actor, personId, AuditAction.EXPORT, page.view().basis(), "Din plan (PDF)");
        return pdf;
    }

    byte[] render(YourPlan plan) {
        var context = new Context(Locale.forLanguageTag("sv"), Map.of("plan", plan));
        return HtmlPdf.render(templates.process("plan/your-plan-pdf", context));
    }
}
