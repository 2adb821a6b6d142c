package se.lots.kaa.letter;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

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
import se.lots.organisation.Role;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.ContactDetails;
import se.lots.shared.InvalidInputException;
import se.lots.shared.NotFoundException;
import se.lots.shared.Validation;
import se.lots.shared.Versions;

/**
 * Letters from the KAA register: the municipality's templates (edited by the KAA coordinator only; case workers
 * choose among them), a preview for the chosen persons, and one PDF of letters in which every letter is logged as a
 * contact attempt. A person with protected identity or without an address gets no letter and is listed with the
 * reason instead.
 */
@Service
public class LetterService {

    static final int MAX_LETTERS = 1000;
    private static final int MAX_NAME = 100;
    private static final int MAX_HEADING = 200;
    private static final int MAX_BODY = 5000;
    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");
    private static final DateTimeFormatter LETTER_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", SWEDISH);

    private final LetterTemplates templates;
    private final LetterSenders senders;
    private final LetterRecipients recipients;
    private final LetterBatches batches;
    private final ContactAttempts contacts;
    private final LetterPdf pdf;
    private final Organisations organisations;
    private final AuditLog audit;
    private final Clock clock;

    LetterService(LetterTemplates templates, LetterSenders senders, LetterRecipients recipients, LetterBatches batches,
            ContactAttempts contacts, LetterPdf pdf, Organisations organisations, AuditLog audit, Clock clock) {
        this.templates = templates;
        this.senders = senders;
        this.recipients = recipients;
        this.batches = batches;
        this.contacts = contacts;
        this.pdf = pdf;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    /** A template as typed in the form; {@code version} is the one that was edited (null for a new template). */
    public record TemplateInput(String name, String heading, String body, Integer version) {
    }

    public record SenderInput(String returnAddress, String phone) {
    }

    public record Skipped(UUID personId, String name, LetterSkip reason) {
    }

    /**
     * What pressing "create" will produce: the first letter as it will look, who gets one and who does not and why.
     * {@code batchId} goes back with the confirmation so that a second press logs nothing twice.
     */
    public record Preview(UUID batchId, LetterTemplate template, RenderedLetter first, List<String> recipients,
            List<Skipped> skipped, List<UUID> episodes) {
    }

    public record Batch(byte[] pdf, int letters, int skipped, String fileName) {
    }

    private record Plan(Organisation org, LetterTemplate template, LetterSender sender,
            List<LetterRecipients.Candidate> recipients, List<Skipped> skipped, List<UUID> episodes) {
    }

    /** Every template of the actor's municipality, the retired ones last; seeds the starter letters on first use. */
    @Transactional
    public List<LetterTemplate> templates(Actor actor) {
        Organisation org = KaaAccess.municipalityOf(actor, organisations);
        templates.seedOnce(org.id(), StarterLetters.ALL);
        return templates.all(org.id());
    }

    @Transactional
    public List<LetterTemplate> activeTemplates(Actor actor) {
        return templates(actor).stream().filter(LetterTemplate::active).toList();
    }

    /** The template page is the coordinator's: case workers choose a template, they do not edit them. */
    @Transactional
    public List<LetterTemplate> templatesToManage(Actor actor) {
        coordinatorsMunicipality(actor);
        return templates(actor);
    }

    @Transactional(readOnly = true)
    public LetterTemplate templateToEdit(Actor actor, UUID id) {
        coordinatorsMunicipality(actor);
        return template(actor, id);
    }

    @Transactional(readOnly = true)
    public LetterTemplate template(Actor actor, UUID id) {
        Organisation org = KaaAccess.municipalityOf(actor, organisations);
        return templates.byId(org.id(), id).orElseThrow(() -> new NotFoundException("kaa.letterTemplate"));
    }

    @Transactional
    public UUID createTemplate(Actor actor, TemplateInput input) {
        Organisation org = coordinatorsMunicipality(actor);
        var t = checked(org, input, null);
        return templates.insert(org.id(), t.name(), t.heading(), t.body(), actor.userId());
    }

    @Transactional
    public void updateTemplate(Actor actor, UUID id, TemplateInput input) {
        Organisation org = coordinatorsMunicipality(actor);
        LetterTemplate existing = templates.byId(org.id(), id).filter(LetterTemplate::active)
                .orElseThrow(() -> new NotFoundException("kaa.letterTemplate"));
        var t = checked(org, input, id);
        int version = Versions.required(input.version(), null);
        if (!templates.update(org.id(), id, version, t.name(), t.heading(), t.body(), actor.userId())) {
            throw new ConflictException("kaa.letter.staleVersion", id);
        }
    }

    /** Every saved text of the template, newest first, with the letters sent with each (coordinator only). */
    @Transactional(readOnly = true)
    public List<LetterTemplateVersion> templateHistory(Actor actor, UUID id) {
        Organisation org = coordinatorsMunicipality(actor);
        templates.byId(org.id(), id).orElseThrow(() -> new NotFoundException("kaa.letterTemplate"));
        return templates.versions(id);
    }

    /** The municipality's latest 50 letter batches (counts only, no person), for the coordinator. */
    @Transactional(readOnly = true)
    public List<LetterBatch> recentBatches(Actor actor) {
        return batches.recent(coordinatorsMunicipality(actor).id(), 50);
    }

    /** A retired template is kept (batches name it) but offered no more. */
    @Transactional
    public void retireTemplate(Actor actor, UUID id) {
        Organisation org = coordinatorsMunicipality(actor);
        if (!templates.retire(org.id(), id, actor.userId())) {
            throw new NotFoundException("kaa.letterTemplate");
        }
    }

    @Transactional(readOnly = true)
    public LetterSender sender(Actor actor) {
        return senders.of(KaaAccess.municipalityOf(actor, organisations).id());
    }

    @Transactional
    public void saveSender(Actor actor, SenderInput input) {
        Organisation org = coordinatorsMunicipality(actor);
        var v = new Validation();
        v.maxLength("returnAddress", input.returnAddress(), 300);
        String phone = blank(input.phone());
        if (phone != null && !ContactDetails.isPhoneNumber(phone)) {
            v.reject("phone", "validation.phone");
        }
        v.throwIfInvalid();
        senders.save(org.id(), new LetterSender(blank(input.returnAddress()), phone), actor.userId());
    }

    /** The letter for the first recipient and the lists of who gets one and who is skipped; each is audited as read. */
    @Transactional
    public Preview preview(Actor actor, UUID templateId, List<UUID> episodeIds) {
        Plan plan = plan(actor, templateId, episodeIds);
        var shown = new ArrayList<UUID>();
        plan.recipients().forEach(r -> shown.add(r.personId()));
        plan.skipped().forEach(s -> shown.add(s.personId()));
        audit.recordEachIfAny(actor, shown, AuditAction.READ, AccessBasis.of(KaaAccess.PURPOSE),
                "KAA-brev, förhandsgranskning: " + plan.template().name());
        RenderedLetter first = plan.recipients().isEmpty() ? null
                : render(plan, actor, plan.recipients().get(0));
        return new Preview(UUID.randomUUID(), plan.template(), first,
                plan.recipients().stream().map(LetterRecipients.Candidate::name).toList(), plan.skipped(),
                plan.episodes());
    }

    /**
     * One PDF with a letter per page, and a contact attempt per letter, in one transaction: if the PDF cannot be
     * made, no attempt is logged. The same {@code batchId} a second time is a conflict, not a second set of attempts.
     */
    @Transactional
    public Batch produce(Actor actor, UUID batchId, UUID templateId, List<UUID> episodeIds) {
        if (batchId == null) {
            throw new InvalidInputException("batch", "validation.required");
        }
        Plan plan = plan(actor, templateId, episodeIds);
        if (plan.recipients().isEmpty()) {
            throw new InvalidInputException("episode", "kaa.letter.nobody");
        }
        if (!batches.insert(batchId, plan.org().id(), plan.template(), plan.recipients().size(),
                plan.skipped().size(), actor.userId())) {
            throw new ConflictException("kaa.letter.alreadySent", batchId);
        }
        var letters = plan.recipients().stream().map(r -> render(plan, actor, r)).toList();
        byte[] bytes = pdf.render(plan.org().name(), plan.sender(), today(), letters);
        // No outcome says "sent, no answer yet"; a letter is a message left for the young person, and it must not
        // count as reached (NADD) nor as a failed attempt (EJ_NADD) before anyone could answer.
        String note = "Brev: " + plan.template().name();
        for (var r : plan.recipients()) {
            contacts.insert(plan.org().id(), new ContactAttempt(null, r.personId(), ContactChannel.BREV, today(),
                    actor.userId(), null, ContactOutcome.LAMNAT_MEDDELANDE, false, note), actor.userId());
        }
        audit.recordEach(actor, plan.recipients().stream().map(LetterRecipients.Candidate::personId).toList(),
                AuditAction.EXPORT, AccessBasis.of(KaaAccess.PURPOSE), "KAA-brev: " + plan.template().name());
        return new Batch(bytes, letters.size(), plan.skipped().size(), "brev-" + today() + ".pdf");
    }

    private Plan plan(Actor actor, UUID templateId, List<UUID> episodeIds) {
        Organisation org = KaaAccess.municipalityOf(actor, organisations);
        var chosen = new LinkedHashSet<UUID>(episodeIds == null ? List.of() : episodeIds);
        chosen.remove(null);
        var v = new Validation();
        if (chosen.isEmpty()) {
            v.reject("episode", "kaa.selection.none");
        } else if (chosen.size() > MAX_LETTERS) {
            v.reject("episode", "kaa.letter.tooMany", MAX_LETTERS);
        }
        if (templateId == null) {
            v.reject("template", "kaa.letter.chooseTemplate.required");
        }
        v.throwIfInvalid();
        LetterTemplate template = templates.byId(org.id(), templateId)
                .orElseThrow(() -> new NotFoundException("kaa.letterTemplate"));
        if (!template.active()) {
            throw new InvalidInputException("template", "kaa.letter.retired", template.name());
        }
        LetterSender sender = senders.of(org.id());
        if (uses(template, MergeField.TELEFON) && blank(sender.phone()) == null) {
            throw new InvalidInputException("phone", "kaa.letter.noPhone");
        }
        var candidates = recipients.of(org.id(), chosen);
        if (candidates.size() != chosen.size()) {
            // an id of another municipality's episode (or none at all) says nothing about it
            throw new NotFoundException("kaa.episode");
        }
        var to = new ArrayList<LetterRecipients.Candidate>();
        var skipped = new ArrayList<Skipped>();
        for (var c : candidates) {
            if (c.protectedIdentity()) {
                skipped.add(new Skipped(c.personId(), c.name(), LetterSkip.PROTECTED_IDENTITY));
            } else if (!c.inRegister()) {
                skipped.add(new Skipped(c.personId(), c.name(), LetterSkip.NOT_IN_REGISTER));
            } else if (!c.hasAddress()) {
                skipped.add(new Skipped(c.personId(), c.name(), LetterSkip.NO_ADDRESS));
            } else {
                to.add(c);
            }
        }
        return new Plan(org, template, sender, to, skipped, List.copyOf(chosen));
    }

    private RenderedLetter render(Plan plan, Actor actor, LetterRecipients.Candidate r) {
        if (r.protectedIdentity()) {
            throw new IllegalStateException("a letter to a protected identity");
        }
        Map<MergeField, String> values = new EnumMap<>(MergeField.class);
        values.put(MergeField.FORNAMN, r.firstName());
        values.put(MergeField.EFTERNAMN, r.lastName());
        values.put(MergeField.ADRESS, r.street());
        values.put(MergeField.POSTNUMMER, postalCode(r.postalCode()));
        values.put(MergeField.POSTORT, r.city());
        values.put(MergeField.KOMMUN, plan.org().name());
        values.put(MergeField.HANDLAGGARE, actor.displayName());
        values.put(MergeField.TELEFON, plan.sender().phone());
        values.put(MergeField.DATUM, LETTER_DATE.format(today()));
        var address = List.of(r.name(), r.street(), postalCode(r.postalCode()) + " " + r.city().toUpperCase(SWEDISH));
        return new RenderedLetter(r.personId(), address, MergeFields.render(plan.template().heading(), values),
                RenderedLetter.paragraphs(MergeFields.render(plan.template().body(), values)));
    }

    private TemplateInput checked(Organisation org, TemplateInput in, UUID id) {
        var v = new Validation();
        String name = blank(in.name());
        String heading = blank(in.heading());
        String body = in.body() == null || in.body().isBlank() ? null : in.body().strip();
        v.require("name", name).require("heading", heading).require("body", body);
        v.maxLength("name", name, MAX_NAME).maxLength("heading", heading, MAX_HEADING).maxLength("body", body, MAX_BODY);
        MergeFields.check(v, "heading", heading);
        MergeFields.check(v, "body", body);
        if (name != null && !v.hasErrors("name") && templates.nameTaken(org.id(), name, id)) {
            v.reject("name", "kaa.letter.nameTaken", name);
        }
        v.throwIfInvalid();
        return new TemplateInput(name, heading, body, in.version());
    }

    private Organisation coordinatorsMunicipality(Actor actor) {
        Organisation org = KaaAccess.municipalityOf(actor, organisations);
        if (actor.role() != Role.KAA_COORDINATOR) {
            throw new AccessDeniedException("only the KAA coordinator edits the municipality's letters");
        }
        return org;
    }

    private static boolean uses(LetterTemplate t, MergeField field) {
        var probe = new EnumMap<MergeField, String>(MergeField.class);
        probe.put(field, "\u0000");
        return MergeFields.render(t.heading() + t.body(), probe).indexOf('\u0000') >= 0;
    }

    /** Swedish postal codes are written "123 45". */
    private static String postalCode(String code) {
        String digits = code == null ? "" : code.replace(" ", "");
        return digits.length() == 5 ? digits.substring(0, 3) + " " + digits.substring(3) : code;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
