package se.lots.progression.instrument;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.progression.registration.Participation;
import se.lots.progression.registration.ProgressionAccess;
import se.lots.progression.registration.RegistrationService;
import se.lots.security.Actor;
import se.lots.shared.Validation;

/** Assessments over time: each item score checked against its scale, the total by the instrument's rule. */
@Service
public class AssessmentService {

    private final ProgressionAccess access;
    private final RegistrationService registrations;
    private final Instruments instruments;
    private final Assessments assessments;
    private final AuditLog audit;
    private final Clock clock;

    AssessmentService(ProgressionAccess access, RegistrationService registrations, Instruments instruments,
            Assessments assessments, AuditLog audit, Clock clock) {
        this.access = access;
        this.registrations = registrations;
        this.instruments = instruments;
        this.assessments = assessments;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Assessment record(Actor actor, UUID enrolmentId, AssessmentInput input) {
        return record(actor, access.forEnrolment(actor, enrolmentId), input);
    }

    @Transactional
    public Assessment recordForParticipation(Actor actor, UUID participationId, AssessmentInput input) {
        return record(actor, access.forParticipation(actor, participationId), input);
    }

    @Transactional
    public List<AssessmentSeries> series(Actor actor, UUID enrolmentId) {
        return series(actor, access.forEnrolment(actor, enrolmentId));
    }

    @Transactional
    public List<AssessmentSeries> seriesOfParticipation(Actor actor, UUID participationId) {
        return series(actor, access.forParticipation(actor, participationId));
    }

    private Assessment record(Actor actor, ProgressionAccess.Decision d, AssessmentInput in) {
        ProgressionAccess.requireWrite(d);
        var v = new Validation();
        Instrument instrument = null;
        try {
            instrument = in.instrumentId() == null ? null
                    : instruments.byId(Long.parseLong(in.instrumentId().strip())).filter(Instrument::active)
                            .filter(i -> InstrumentService.visible(actor, i)).orElse(null);
        } catch (NumberFormatException e) {
            instrument = null;
        }
        if (instrument == null) {
            v.reject("instrumentId", "progression.unknownInstrument");
        }
        Rater rater = v.enumValue("rater", in.rater(), Rater.class, true);
        LocalDate on = v.date("assessedOn", in.assessedOn(), true, LocalDate.now(clock));
        v.throwIfInvalid();
        Map<Long, String> typed = in.scores() == null ? Map.of() : in.scores();
        var scores = new LinkedHashMap<Long, BigDecimal>();
        List<InstrumentItem> items = instrument.itemsFor(rater);
        for (InstrumentItem item : instrument.items()) {
            String text = typed.get(item.id());
            String field = "score_" + item.id();
            boolean given = text != null && !text.isBlank();
            if (!items.contains(item)) {
                if (given) {
                    v.reject(field, "progression.scoreNotForRater", item.label());
                }
                continue;
            }
            if (!given) {
                v.reject(field, "progression.scoreRequired", item.label());
                continue;
            }
            BigDecimal score;
            try {
                score = Decimals.parse(text);
            } catch (NumberFormatException e) {
                score = null;
            }
            if (score == null || !item.accepts(score)) {
                v.reject(field, "progression.scoreOutOfScale", item.label(), item.min().stripTrailingZeros(),
                        item.max().stripTrailingZeros(), item.step().stripTrailingZeros());
                continue;
            }
            scores.put(item.id(), score);
        }
        if (items.isEmpty()) {
            v.reject("rater", "progression.noScores");
        }
        v.throwIfInvalid();
        Participation p = registrations.participationOf(actor, d);
        BigDecimal total = instrument.total(scores.values());
        UUID id = assessments.insert(p.id(), instrument.id(), rater, on, total, scores, actor.userId());
        audit.record(actor, d.personId(), AuditAction.CREATE, d.basis(),
                "skattning " + instrument.name() + (p.anonymous() ? " anonym deltagare " + p.id() : ""));
        return assessments.ofParticipation(p.id()).stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    private List<AssessmentSeries> series(Actor actor, ProgressionAccess.Decision d) {
        audit.record(actor, d.personId(), AuditAction.READ, d.basis(), "skattningar");
        if (d.participation() == null) {
            return List.of();
        }
        return seriesOf(assessments.ofParticipation(d.participation().id()), LocalDate.now(clock));
    }

    List<AssessmentSeries> seriesOf(List<Assessment> all, LocalDate today) {
        return seriesOf(all, today, new LinkedHashMap<>());
    }

    /** {@code known}: the instruments read so far, shared over a programme's participants so each is read once. */
    private List<AssessmentSeries> seriesOf(List<Assessment> all, LocalDate today, Map<Long, Instrument> known) {
        var grouped = new LinkedHashMap<String, List<Assessment>>();
        for (Assessment a : all) {
            grouped.computeIfAbsent(a.instrumentId() + ":" + a.rater(), k -> new ArrayList<>()).add(a);
        }
        var result = new ArrayList<AssessmentSeries>();
        grouped.values().forEach(list -> {
            Instrument instrument = known.computeIfAbsent(list.get(0).instrumentId(),
                    id -> instruments.byId(id).orElseThrow());
            result.add(new AssessmentSeries(instrument, list.get(0).rater(), list, progress(instrument, list, today)));
        });
        return result;
    }

    static ReliableChangePolicy.Progress progress(Instrument instrument, List<Assessment> list, LocalDate today) {
        return ReliableChangePolicy.classify(
                list.stream().map(a -> new ReliableChangePolicy.Point(a.assessedOn(), a.total())).toList(),
                instrument.reliableChange(), instrument.cutOff(), instrument.higherIsBetter(), today,
                ReliableChangePolicy.DEFAULT_STUCK_AFTER_WEEKS);
    }

    /** For the participants page: assessments of a programme's participants, by participant. */
    public Map<UUID, List<AssessmentSeries>> ofProgramme(long programmeId, LocalDate today) {
        var byParticipation = new LinkedHashMap<UUID, List<Assessment>>();
        for (Map<String, Object> row : assessments.seriesOfProgramme(programmeId)) {
            UUID participation = (UUID) row.get("participant_id");
            byParticipation.computeIfAbsent(participation, k -> new ArrayList<>()).add(new Assessment(null, participation,
                    ((Number) row.get("instrument_id")).longValue(), Rater.valueOf((String) row.get("rater")),
                    ((java.sql.Date) row.get("assessed_on")).toLocalDate(), (BigDecimal) row.get("total"), Map.of()));
        }
        var result = new LinkedHashMap<UUID, List<AssessmentSeries>>();
        var known = new LinkedHashMap<Long, Instrument>();
        byParticipation.forEach((k, list) -> result.put(k, seriesOf(list, today, known)));
        return result;
    }
}
