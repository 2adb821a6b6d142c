package se.lots.kaa.earlywarning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.audit.AccessBasis;
import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.kaa.register.ContactAttempt;
import se.lots.kaa.register.ContactAttempts;
import se.lots.kaa.register.ContactChannel;
import se.lots.kaa.register.ContactOutcome;
import se.lots.kaa.register.KaaAccess;
import se.lots.organisation.Organisation;
import se.lots.organisation.Organisations;
import se.lots.security.Actor;
import se.lots.shared.Validation;

/**
 * The preventive worklist: students the schools report with problematic absence, before anyone has left school, and
 * the contact attempts made with them. Same staff and the same contact log as the KAA register, but no KAA episode:
 * these students are not in the target group. Every read and write is audited with {@link #PURPOSE}.
 */
@Service
public class EarlyWarningService {

    /**
     * The school informs the home municipality of considerable absence (skollagen 15 kap. 15 §) and the municipality
     * keeps itself informed (29 kap. 9 §): a basis of its own, so the audit log tells preventive work from the
     * register.
     */
    public static final String PURPOSE = "LAGSTOD:KAA-SKOLSIGNAL";
    private static final int MAX_TEXT = 300;

    private final EarlyWarningList list;
    private final SchoolSignals signals;
    private final ContactAttempts contacts;
    private final Organisations organisations;
    private final AuditLog audit;
    private final EarlyWarningSettings settings;
    private final Clock clock;

    EarlyWarningService(EarlyWarningList list, SchoolSignals signals, ContactAttempts contacts,
            Organisations organisations, AuditLog audit, EarlyWarningSettings settings, Clock clock) {
        this.list = list;
        this.signals = signals;
        this.contacts = contacts;
        this.organisations = organisations;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** What the coordinator chooses to see; blank school or municipality means all. */
    public record Filter(boolean flaggedOnly, String school, String schoolMunicipality) {
    }

    public record Page(List<EarlyWarningList.Row> rows, long total, long flagged, int page, int pageSize,
            List<String> schools, List<EarlyWarningList.Choice> schoolMunicipalities, java.math.BigDecimal threshold) {

        public int pages() {
            return (int) ((total + pageSize - 1) / pageSize);
        }
    }

    /** A student on the preventive list: the latest signal and trend, every signal, the contact attempts. */
    public record Student(EarlyWarningList.Row summary, List<SchoolSignal> signals, List<ContactAttempt> contacts) {
    }

    /** A contact attempt with a student; dates ISO. */
    public record ContactInput(String channel, String contactedOn, String outcome, Boolean withGuardian, String note) {
    }

    /** One page of the list; each person shown is logged as a search hit. */
    @Transactional
    public Page list(Actor actor, Filter filter, int page) {
        Organisation org = KaaAccess.municipalityOf(actor, organisations);
        var q = new EarlyWarningList.Query(filter.flaggedOnly(), filter.school(), filter.schoolMunicipality(),
                settings.absenceThresholdPercent());
        var rows = list.page(org.id(), q, page);
        audit.recordEachIfAny(actor, rows.stream().map(EarlyWarningList.Row::personId).toList(), AuditAction.SEARCH,
                AccessBasis.of(PURPOSE), "KAA förebyggande arbetslista");
        long flagged = list.count(org.id(), new EarlyWarningList.Query(true, filter.school(),
                filter.schoolMunicipality(), settings.absenceThresholdPercent()));
        return new Page(rows, list.count(org.id(), q), flagged, Math.max(0, page), EarlyWarningList.PAGE_SIZE,
                list.schools(org.id()), list.schoolMunicipalities(org.id()), settings.absenceThresholdPercent());
    }

    @Transactional
    public Student student(Actor actor, UUID personId) {
        Organisation org = KaaAccess.municipalityOf(actor, organisations);
        var summary = list.student(org.id(), personId, settings.absenceThresholdPercent())
                .orElseThrow(() -> new AccessDeniedException("no school signal for the person in this municipality"));
        audit.record(actor, personId, AuditAction.READ, AccessBasis.of(PURPOSE), "Skolsignaler och kontaktförsök");
        return new Student(summary, signals.forPerson(org.id(), personId), contacts.forPerson(org.id(), personId));
    }

    /**
     * Records a contact attempt in the same log as the KAA register's: when the student later appears on the KAA
     * list, the attempts are already there.
     */
    @Transactional
    public void recordContact(Actor actor, UUID personId, ContactInput input) {
        Organisation org = KaaAccess.municipalityOf(actor, organisations);
        if (list.student(org.id(), personId, settings.absenceThresholdPercent()).isEmpty()) {
            throw new AccessDeniedException("no school signal for the person in this municipality");
        }
        var v = new Validation();
        ContactChannel channel = v.enumValue("channel", input.channel(), ContactChannel.class, true);
        ContactOutcome outcome = v.enumValue("outcome", input.outcome(), ContactOutcome.class, true);
        LocalDate on = v.date("contactedOn", input.contactedOn(), true, LocalDate.now(clock));
        v.maxLength("note", input.note(), MAX_TEXT);
        v.throwIfInvalid();
        contacts.insert(org.id(), new ContactAttempt(null, personId, channel, on, actor.userId(), null, outcome,
                Boolean.TRUE.equals(input.withGuardian()), blank(input.note())), actor.userId());
        audit.record(actor, personId, AuditAction.UPDATE, AccessBasis.of(PURPOSE), "Kontaktförsök (förebyggande)");
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
