package se.lots.progression.instrument;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.audit.AccessBasis;
import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.organisation.OrganisationId;
import se.lots.organisation.Role;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.NotFoundException;
import se.lots.shared.Validation;
import se.lots.shared.Versions;

/** Progression instruments are configuration kept by the administrator or a programme lead, not code. */
@Service
public class InstrumentService {

    private final Instruments instruments;
    private final AuditLog audit;

    InstrumentService(Instruments instruments, AuditLog audit) {
        this.instruments = instruments;
        this.audit = audit;
    }

    /** The instruments the actor's organisation uses: the shared ones and its own (the administrator: all). */
    @Transactional(readOnly = true)
    public List<Instrument> instruments(Actor actor, boolean activeOnly) {
        return instruments.visibleTo(actor.role() == Role.ADMIN ? null : actor.organisationId(), activeOnly);
    }

    /** One instrument the actor's organisation uses; another organisation's is not found. */
    @Transactional(readOnly = true)
    public Instrument instrument(Actor actor, long id) {
        return instruments.byId(id).filter(i -> visible(actor, i))
                .orElseThrow(() -> new NotFoundException("instrument"));
    }

    static boolean visible(Actor actor, Instrument i) {
        return i.shared() || actor.role() == Role.ADMIN || actor.organisationId().equals(i.organisationId());
    }

    /**
     * Who may change an instrument: the administrator any, a programme lead their organisation's own. A shared
     * instrument is changed by the administrator only, since every organisation's assessments use it.
     */
    public static boolean edits(Actor actor, Instrument i) {
        return actor.role() == Role.ADMIN
                || actor.role() == Role.PROGRAMME_LEAD && !i.shared()
                        && actor.organisationId().equals(i.organisationId());
    }

    /** A new instrument ({@code id} null) or a change to one; items are matched by their position. */
    @Transactional
    public Instrument save(Actor actor, Long id, InstrumentInput in) {
        if (actor.role() != Role.ADMIN && actor.role() != Role.PROGRAMME_LEAD) {
            throw new AccessDeniedException("instruments are kept by the administrator and programme leads");
        }
        Instrument existing = id == null ? null : instrument(actor, id);
        if (existing != null && !edits(actor, existing)) {
            throw new AccessDeniedException("a shared instrument is changed by the administrator");
        }
        // a programme lead's instrument is their organisation's; the administrator's is shared
        OrganisationId owner = existing != null ? existing.organisationId()
                : actor.role() == Role.ADMIN ? null : actor.organisationId();
        var v = new Validation().require("name", in.name()).maxLength("name", in.name(), 200)
                .maxLength("description", in.description(), 2000);
        if (in.name() != null && !in.name().isBlank() && instruments.nameTaken(in.name().strip(), id, owner)) {
            v.reject("name", "progression.instrumentNameTaken");
        }
        TotalRule rule = v.enumValue("totalRule", in.totalRule(), TotalRule.class, true);
        BigDecimal cutOff = number(v, "cutOff", in.cutOff());
        BigDecimal reliable = number(v, "reliableChange", in.reliableChange());
        if (reliable != null && reliable.signum() <= 0) {
            v.reject("reliableChange", "progression.number");
        }
        List<InstrumentInput.Item> items = in.items() == null ? List.of()
                : in.items().stream().filter(i -> i.label() != null && !i.label().isBlank()).toList();
        if (items.isEmpty()) {
            v.reject("items", "progression.itemsRequired");
        }
        if (existing != null && items.size() < existing.items().size()) {
            // a question already answered cannot disappear; deactivate the instrument and make a new one instead
            v.reject("items", "progression.itemsKept");
        }
        record Parsed(InstrumentInput.Item item, BigDecimal min, BigDecimal max, BigDecimal step, ItemRater rater) {
        }
        var parsed = new java.util.ArrayList<Parsed>();
        for (int n = 0; n < items.size(); n++) {
            InstrumentInput.Item item = items.get(n);
            String field = "items[" + n + "]";
            BigDecimal min = null;
            BigDecimal max = null;
            BigDecimal step = null;
            try {
                min = Decimals.parse(item.min());
                max = Decimals.parse(item.max());
                step = Decimals.parse(item.step());
            } catch (NumberFormatException e) {
                min = null;
            }
            if (min == null || max == null || step == null || max.compareTo(min) <= 0 || step.signum() <= 0) {
                v.reject(field, "progression.itemScale", n + 1);
            }
            ItemRater rater = v.enumValue(field + ".rater", item.rater(), ItemRater.class, true);
            v.maxLength(field, item.label(), 300);
            parsed.add(new Parsed(item, min, max, step, rater));
        }
        v.throwIfInvalid();
        String name = in.name().strip();
        String description = blankToNull(in.description());
        boolean higher = in.higherIsBetter() == null || in.higherIsBetter();
        long saved;
        if (existing == null) {
            saved = instruments.insert(name, description, rule, cutOff, reliable, higher, owner);
        } else {
            saved = existing.id();
            int version = Versions.required(in.version(), null);
            if (!instruments.update(saved, version, name, description, rule, cutOff, reliable, higher,
                    in.active() == null || in.active())) {
                throw new ConflictException("progression.instrumentStale", saved);
            }
        }
        for (int n = 0; n < parsed.size(); n++) {
            Parsed p = parsed.get(n);
            instruments.saveItem(saved, n + 1, p.item().label().strip(), p.min(), p.max(), p.step(),
                    blankToNull(p.item().minLabel()), blankToNull(p.item().maxLabel()), p.rater());
        }
        audit.record(actor, null, existing == null ? AuditAction.CREATE : AuditAction.UPDATE,
                AccessBasis.OWN_ORGANISATION, "instrument " + saved);
        return instrument(actor, saved);
    }

    private static BigDecimal number(Validation v, String field, String text) {
        try {
            return Decimals.parse(text);
        } catch (NumberFormatException e) {
            v.reject(field, "progression.number");
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
