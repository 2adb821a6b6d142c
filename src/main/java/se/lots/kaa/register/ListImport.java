package se.lots.kaa.register;

import static se.lots.kaa.register.ListColumn.AVGANGSDATUM;
import static se.lots.kaa.register.ListColumn.PERSONNUMMER;
import static se.lots.kaa.register.ListColumn.SITUATION;
import static se.lots.kaa.register.ListColumn.SKYDDAD_IDENTITET;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import se.lots.audit.AccessBasis;
import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.kaa.ExitReason;
import se.lots.kaa.ImportPreview;
import se.lots.kaa.ImportPreview.Closing;
import se.lots.kaa.ImportPreview.Entry;
import se.lots.kaa.register.KaaTargetGroupPolicy.Outcome;
import se.lots.organisation.Organisation;
import se.lots.organisation.OrganisationId;
import se.lots.organisation.Organisations;
import se.lots.reference.ReferenceData;
import se.lots.registry.Address;
import se.lots.registry.Guardian;
import se.lots.registry.InvalidPersonalIdentityNumberException;
import se.lots.registry.LegalGender;
import se.lots.registry.PersonInput;
import se.lots.registry.PersonalIdentityNumber;
import se.lots.registry.RegistryService;
import se.lots.registry.YoungPerson;
import se.lots.shared.ConflictException;
import se.lots.shared.FieldError;
import se.lots.shared.InvalidInputException;
import se.lots.shared.imports.Cells;
import se.lots.shared.imports.ImportColumns;
import se.lots.shared.imports.ImportColumns.ErrorNames;
import se.lots.shared.imports.ImportFile;
import se.lots.shared.imports.ImportKind;
import se.lots.shared.imports.KeptFile;
import se.lots.shared.imports.Progress;
import se.lots.shared.imports.Progress.Phase;
import se.lots.shared.imports.RowErrors;
import se.lots.shared.imports.Texts;

/**
 * A school's KAA list as an import ({@link se.lots.kaa.KaaImportService} runs it through the shared pipeline): its
 * columns and row checks, the comparison with the registry and the register (new in the group, changed, no longer
 * in the list, outside the group), and the writes of a confirmation. {@code decisions} map an episode that would
 * close to an exit reason, or to null to keep it open.
 */
@Component
public class ListImport implements ImportKind<KaaImporter, ListChanges, Map<UUID, ExitReason>> {

    private final KaaEpisodes episodes;
    private final KaaStatuses statuses;
    private final RegistryService registry;
    private final Organisations organisations;
    private final ReferenceData reference;
    private final AuditLog audit;
    private final MessageSource messages;
    private final KaaSettings settings;
    private final Clock clock;
    private final ImportColumns<ListColumn> columns;
    private final KaaMoveService moves;

    ListImport(KaaEpisodes episodes, KaaStatuses statuses, RegistryService registry, Organisations organisations,
            ReferenceData reference, AuditLog audit, MessageSource messages, KaaSettings settings, Clock clock,
            KaaMoveService moves) {
        this.moves = moves;
        this.episodes = episodes;
        this.statuses = statuses;
        this.registry = registry;
        this.organisations = organisations;
        this.reference = reference;
        this.audit = audit;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
        this.columns = new ImportColumns<>(ListColumn.class, "kaa.import.header", messages, ErrorNames.AS_IN_FILE);
    }

    public ImportColumns<ListColumn> columns() {
        return columns;
    }

    @Override
    public ListChanges changes(KaaImporter who, KeptFile kept, Locale locale, Progress progress) {
        LocalDate today = LocalDate.now(clock);
        var file = ImportFile.read(kept, columns, new RowErrors(new Texts(messages, locale)));
        file.refuseColumnsNamedTwice("kaa.import.duplicateColumn");
        List<String> missing = file.missingHeaders();
        List<Checked> checked = missing.isEmpty() ? file.checkRows(cells -> check(who, cells, today),
                c -> c.identity().key(), PERSONNUMMER, "kaa.import.duplicateRow", progress) : List.of();
        progress.report(Phase.MATCHING, checked.size(), file.rowCount());
        var comparison = new Comparison(who, kept.id(), file, today, known(who, checked));
        checked.forEach(comparison::row);
        if (missing.isEmpty()) {
            comparison.closeThoseNotInList();
        }
        return comparison.changes.shown(kept.id(), kept.fileName(), file,
                file.unknownColumns("kaa.import.unknownColumn"), missing);
    }

    /** The file's errors, each wrong value with its row and column, for a client that did not look at the preview. */
    @Override
    public RuntimeException refusal(UUID importId, ListChanges changes) {
        ImportPreview preview = changes.preview();
        var errors = new ArrayList<FieldError>();
        errors.add(new FieldError("file", "kaa.import.hasErrors"));
        if (!preview.missingColumns().isEmpty()) {
            errors.add(new FieldError("file", "kaa.import.missingColumns", String.join(", ",
                    preview.missingColumns())));
        }
        // the row as text: a number argument would be grouped ("1 234") in the message
        preview.errors().forEach(e -> errors.add(new FieldError(e.column(), "kaa.import.rowError",
                String.valueOf(e.row()), e.column(), e.message())));
        return new InvalidInputException(errors);
    }

    @Override
    public void shown(KaaImporter who, KeptFile file, ListChanges changes, Progress progress) {
        progress.report(Phase.LOGGING, 0, changes.shownPersons.size());
        audit.recordEachIfAny(who.actor(), changes.shownPersons, AuditAction.READ, AccessBasis.of(KaaAccess.PURPOSE),
                "KAA-import, förhandsgranskning: " + file.fileName());
    }

    /**
     * Episodes not named in {@code decisions} keep the suggested exit reason, or stay open when the list gave none.
     */
    @Override
    public void apply(KaaImporter who, KeptFile file, ListChanges changes, Map<UUID, ExitReason> decisions,
            Progress progress) {
        LocalDate today = LocalDate.now(clock);
        long userId = who.userId();
        String detail = "KAA-import: " + file.fileName();
        int rows = changes.preview().rowCount();
        progress.report(Phase.SAVING, 0, rows);
        registry.saveImported(who.actor(), changes.newPersons, changes.changedPersons, detail);
        progress.report(Phase.SAVING, rows / 4, rows);
        // the statuses first: a new episode takes its current status from the history as it is inserted
        // (KaaEpisodes.insertAll), so the episodes are written once instead of inserted and then updated
        statuses.insertAll(who.municipality().id(), changes.newEpisodes.stream()
                .map(e -> new StatusRecord(null, e.personId(), KaaStatus.OKAND, null, null, today,
                        StatusSource.SKOLANS_LISTA, today.plusDays(settings.reviewDays()), null, null))
                .toList(), userId);
        progress.report(Phase.SAVING, rows / 2, rows);
        episodes.insertAll(changes.newEpisodes, userId);
        progress.report(Phase.SAVING, 3L * rows / 4, rows);
        for (KaaEpisode e : changes.changedEpisodes) {
            if (!episodes.updateSchool(e)) {
                throw new ConflictException("kaa.import.changedSincePreview", file.id());
            }
        }
        List<UUID> closed = close(file, changes, decisions, today, (e, to) -> moves.handOver(who.actor(),
                who.municipality(), e, to, today, MoveSource.FOLKBOKFORINGEN));
        var written = new LinkedHashSet<UUID>();
        changes.newEpisodes.forEach(e -> written.add(e.personId()));
        changes.changedEpisodes.forEach(e -> written.add(e.personId()));
        written.addAll(closed);
        audit.recordEachIfAny(who.actor(), written, AuditAction.UPDATE, AccessBasis.of(KaaAccess.PURPOSE), detail);
        // the register is the KAA line's: it holds the record of everyone the school's list brings into it
        registry.recordHolding(who.actor(), changes.newEpisodes.stream().map(KaaEpisode::personId).toList());
        changes.closed(closed.size());
    }

    /** The episodes the user chose to close, closed; the persons whose episodes they were. */
    private List<UUID> close(KeptFile file, ListChanges changes, Map<UUID, ExitReason> decisions, LocalDate today,
            java.util.function.BiConsumer<KaaEpisode, se.lots.reference.MunicipalityCode> handOver) {
        var closed = new ArrayList<UUID>();
        for (Closing c : changes.preview().closing()) {
            ExitReason reason = decisions.containsKey(c.episodeId()) ? decisions.get(c.episodeId()) : c.suggested();
            if (reason != null) {
                KaaEpisode e = episodes.byId(c.episodeId()).orElseThrow();
                if (!episodes.close(e.id(), e.version(), today, reason)) {
                    throw new ConflictException("kaa.import.changedSincePreview", file.id());
                }
                if (reason == ExitReason.FLYTTAT && changes.movingTo.containsKey(e.id())) {
                    handOver.accept(e, changes.movingTo.get(e.id()));
                }
                closed.add(c.personId());
            }
        }
        return closed;
    }

    // ---- the rows ---------------------------------------------------------------------------------------------

    /** One checked row of the list; {@code candidate} is null for a reserve identity (already in the registry). */
    private record Checked(int row, ListIdentity identity, PersonInput person, YoungPerson candidate,
            SchoolSituation situation, boolean completedCompulsory, String school, String schoolMunicipality,
            String programme, LocalDate leftOn, boolean protectedIdentity) {
    }

    private Checked check(KaaImporter who, Cells<ListColumn> cells, LocalDate today) {
        String pinText = cells.value(PERSONNUMMER);
        PersonalIdentityNumber pin = null;
        ListIdentity reserve = pinText.isEmpty() ? null : ListIdentity.reserve(pinText).orElse(null);
        if (pinText.isEmpty()) {
            cells.error(PERSONNUMMER, "validation.required");
        } else if (reserve == null) {
            try {
                pin = PersonalIdentityNumber.parse(pinText, today);
            } catch (InvalidPersonalIdentityNumberException e) {
                cells.error(PERSONNUMMER, e.messageKey());
            }
        }
        SchoolSituation situation = situation(cells);
        LocalDate leftOn = cells.date(AVGANGSDATUM, "validation.date");
        if (leftOn != null && leftOn.isAfter(today)) {
            cells.error(AVGANGSDATUM, "validation.dateInFuture");
        }
        String schoolMunicipality = cells.text(ListColumn.SKOLKOMMUN);
        if (schoolMunicipality != null && reference.municipality(schoolMunicipality).isEmpty()) {
            cells.error(ListColumn.SKOLKOMMUN, "person.unknownMunicipality", schoolMunicipality);
        }
        boolean completed = cells.yesNo(ListColumn.GRUNDSKOLA_SLUTFORD, true, "kaa.import.yesNo");
        boolean secret = cells.yesNo(SKYDDAD_IDENTITET, false, "kaa.import.yesNo");
        var input = personInput(who, cells, pin, pinText, secret);
        if (reserve != null) {
            // the person is in the registry already (checked against it with the other rows); the names must be
            // there, the contact details are checked as changes of that person
            if (input.firstName().isBlank()) {
                cells.error(ListColumn.FORNAMN, "validation.required");
            }
            if (input.lastName().isBlank()) {
                cells.error(ListColumn.EFTERNAMN, "validation.required");
            }
            return cells.failed() ? null : checked(cells, reserve, input, null, situation, completed, leftOn, secret);
        }
        YoungPerson candidate = candidate(who, cells, input, pin);
        return cells.failed() || candidate == null ? null
                : checked(cells, ListIdentity.of(pin), input, candidate, situation, completed, leftOn, secret);
    }

    /** The person as the registry would register them, or null when it finds errors (each on the row). */
    private YoungPerson candidate(KaaImporter who, Cells<ListColumn> cells, PersonInput input,
            PersonalIdentityNumber pin) {
        try {
            return registry.checkForImport(who.actor(), input);
        } catch (InvalidInputException e) {
            for (FieldError f : e.errors()) {
                ListColumn column = columnOf(f.field());
                // the row already has its personnummer error
                if (column != PERSONNUMMER || pin != null) {
                    cells.error(column, f);
                }
            }
            return null;
        }
    }

    private static Checked checked(Cells<ListColumn> cells, ListIdentity identity, PersonInput input,
            YoungPerson candidate, SchoolSituation situation, boolean completed, LocalDate leftOn, boolean secret) {
        return new Checked(cells.row(), identity, input, candidate, situation, completed,
                cells.text(ListColumn.SKOLA), cells.text(ListColumn.SKOLKOMMUN), cells.text(ListColumn.PROGRAM),
                leftOn, secret);
    }

    private static SchoolSituation situation(Cells<ListColumn> cells) {
        String text = cells.value(SITUATION);
        if (text.isEmpty()) {
            cells.error(SITUATION, "validation.required");
            return null;
        }
        SchoolSituation situation = SchoolSituation.parse(text).orElse(null);
        if (situation == null) {
            cells.error(SITUATION, "kaa.import.unknownSituation", text);
        }
        return situation;
    }

    /** The person as the row gives them; a protected person's address is never read from the list. */
    private static PersonInput personInput(KaaImporter who, Cells<ListColumn> cells, PersonalIdentityNumber pin,
            String pinText, boolean secret) {
        String home = cells.text(ListColumn.HEMKOMMUN);
        String gender = cells.text(ListColumn.KON);
        if (gender == null && pin != null) {
            gender = pin.legalGender() == LegalGender.FEMALE ? "KVINNA" : "MAN";
        } else if (gender == null) {
            // the row already has a personnummer error; do not add a second one for the gender it would give
            gender = "VILL_EJ_UPPGE";
        } else {
            gender = gender.toUpperCase(Locale.ROOT).replace(' ', '_');
        }
        return new PersonInput(false, pin == null ? pinText : pin.value(), null, null,
                cells.value(ListColumn.FORNAMN), cells.value(ListColumn.EFTERNAMN), gender,
                home == null ? who.municipality().municipalityCode().value() : home, secret,
                secret ? new Address(null, null, null)
                        : new Address(cells.text(ListColumn.ADRESS), cells.text(ListColumn.POSTNUMMER),
                                cells.text(ListColumn.POSTORT)),
                cells.text(ListColumn.TELEFON), cells.text(ListColumn.EPOST), null, false,
                new Guardian(null, null, null), null);
    }

    private static ListColumn columnOf(String registryField) {
        return switch (registryField) {
            case "firstName" -> ListColumn.FORNAMN;
            case "lastName" -> ListColumn.EFTERNAMN;
            case "gender" -> ListColumn.KON;
            case "municipalityCode" -> ListColumn.HEMKOMMUN;
            case "address", "address.street" -> ListColumn.ADRESS;
            case "address.postalCode" -> ListColumn.POSTNUMMER;
            case "address.city" -> ListColumn.POSTORT;
            case "phone" -> ListColumn.TELEFON;
            case "email" -> ListColumn.EPOST;
            default -> PERSONNUMMER;
        };
    }

    // ---- the comparison with the registry and the register -------------------------------------------------------

    /** The persons the list names as the registry has them, and the municipality's open episodes, by list identity. */
    private record Known(Map<String, YoungPerson> persons, Map<String, KaaEpisode> open) {
    }

    private Known known(KaaImporter who, List<Checked> checked) {
        var persons = new HashMap<>(registry.byPersonalIdentityNumbers(who.actor(),
                checked.stream().filter(c -> !c.identity().isReserve()).map(c -> c.identity().key()).toList()));
        persons.putAll(registry.byReserveIdentities(who.actor(),
                checked.stream().filter(c -> c.identity().isReserve()).map(c -> c.identity().key()).toList()));
        return new Known(persons, episodes.openByListIdentity(who.municipality().id()));
    }

    /** One list compared with what Lots knows, row by row, into the changes a confirmation would write. */
    private final class Comparison {

        private final KaaImporter who;
        private final Organisation municipality;
        private final UUID importId;
        private final ImportFile<ListColumn> file;
        private final Texts texts;
        private final LocalDate today;
        private final Known known;
        private final ListChanges changes = new ListChanges();
        private final Set<String> inList = new HashSet<>();
        private final Map<OrganisationId, String> holders = new HashMap<>();

        Comparison(KaaImporter who, UUID importId, ImportFile<ListColumn> file, LocalDate today, Known known) {
            this.who = who;
            this.municipality = who.municipality();
            this.importId = importId;
            this.file = file;
            this.texts = file.texts();
            this.today = today;
            this.known = known;
        }

        void row(Checked c) {
            String key = c.identity().key();
            inList.add(key);
            YoungPerson person = known.persons().get(key);
            KaaEpisode episode = known.open().get(key);
            if (c.identity().isReserve() && person == null) {
                file.error(c.row(), PERSONNUMMER, "kaa.import.unknownReserveIdentity", key);
                return;
            }
            if (c.protectedIdentity() && person != null && !person.protectedIdentity()
                    && !person.ownerOrganisationId().equals(municipality.id())) {
                // only the holder can mark the registry entry; until then letters and route sheets would print
                // the address it holds, so the list cannot be read in
                file.error(c.row(), SKYDDAD_IDENTITET, "kaa.import.protectedHeldElsewhere", holder(person));
                return;
            }
            String name = c.person().firstName() + " " + c.person().lastName();
            Outcome outcome = outcome(c, person);
            if (person != null) {
                changes.shownPersons.add(person.id());
            }
            if (outcome != Outcome.IN_TARGET_GROUP) {
                outside(c, person, episode, name, outcome);
                return;
            }
            var details = new ArrayList<String>();
            YoungPerson target = person(c, person, episode, details);
            if (episode == null) {
                newEpisode(c, person, target, name, details);
            } else {
                changedEpisode(c, episode, name, details);
            }
        }

        /** Where the row's person stands: in the target group, or why not (skollagen 29 kap. 9 §). */
        private Outcome outcome(Checked c, YoungPerson person) {
            boolean registered = c.protectedIdentity()
                    || person != null && person.protectedIdentity()
                    || municipality.municipalityCode().value().equals(c.person().municipalityCode());
            return KaaTargetGroupPolicy.decide(new KaaTargetGroupPolicy.Candidate(
                    c.identity().latestPossibleBirthDate(person == null ? null : person.birthDate(),
                            person == null ? 0 : person.birthYear()), registered, c.completedCompulsory(),
                    c.situation()), today);
        }

        /** Outside the target group: an open episode closes (with the reason the list gives), else it is only shown. */
        private void outside(Checked c, YoungPerson person, KaaEpisode episode, String name, Outcome outcome) {
            String why = texts.get("kaa.outcome." + outcome.name());
            if (episode != null && outcome == Outcome.NOT_REGISTERED_IN_MUNICIPALITY) {
                // the list says the person is registered in another municipality: closed as FLYTTAT, the
                // responsibility is handed over as a move recorded by hand is (KaaMoveService.handOver)
                reference.municipality(c.person().municipalityCode()).map(m -> m.code())
                        .filter(code -> !code.equals(municipality.municipalityCode()))
                        .ifPresent(code -> changes.movingTo.put(episode.id(), code));
            }
            if (episode != null) {
                changes.close(new Closing(episode.id(), episode.personId(), c.identity().formatted(), name, c.row(),
                        exitReasonFor(outcome), why));
            } else {
                changes.outside.add(new Entry(c.row(), person == null ? null : person.id(),
                        c.identity().formatted(), name, List.of(why)));
            }
        }

        /** The person the episode is for: new in the registry, with the list's contact details, or as held. */
        private YoungPerson person(Checked c, YoungPerson person, KaaEpisode episode, List<String> details) {
            if (person == null) {
                changes.newPersons.add(c.candidate());
                details.add(texts.get("kaa.import.newInRegistry"));
                return c.candidate();
            }
            if (person.ownerOrganisationId().equals(municipality.id())) {
                YoungPerson updated = changedPerson(person, c, details);
                if (updated != null) {
                    changes.changedPersons.add(updated);
                    changes.digest.add("C" + updated);
                }
            } else if (episode == null) {
                details.add(texts.get("kaa.import.heldElsewhere", holder(person)));
            }
            return person;
        }

        private void newEpisode(Checked c, YoungPerson person, YoungPerson target, String name,
                List<String> details) {
            var reason = RegistrationReason.of(c.situation());
            changes.newEpisodes.add(new KaaEpisode(UUID.randomUUID(), target.id(), municipality.id(), today, reason,
                    c.school(), c.schoolMunicipality(), c.programme(), c.leftOn(), null, null, null, importId, 0));
            changes.digest.add("N" + c.identity().key() + (person == null ? "" : person.version()) + reason
                    + c.school() + c.schoolMunicipality() + c.programme() + c.leftOn());
            details.add(0, texts.get("kaa.reason." + reason.name()));
            changes.added.add(new Entry(c.row(), person == null ? null : person.id(), c.identity().formatted(), name,
                    details));
        }

        private void changedEpisode(Checked c, KaaEpisode episode, String name, List<String> details) {
            KaaEpisode updated = changedEpisode(episode, c, details);
            if (updated != null) {
                changes.changedEpisodes.add(updated);
                changes.digest.add("E" + updated);
            }
            if (details.isEmpty()) {
                changes.unchanged++;
            } else {
                changes.changed.add(new Entry(c.row(), episode.personId(), c.identity().formatted(), name, details));
            }
        }

        /** Every open episode the list no longer names may close; the user picks why. */
        void closeThoseNotInList() {
            for (var e : known.open().entrySet()) {
                if (!inList.contains(e.getKey())) {
                    KaaEpisode episode = e.getValue();
                    changes.shownPersons.add(episode.personId());
                    changes.close(new Closing(episode.id(), episode.personId(),
                            ListIdentity.ofKey(e.getKey()).formatted(), null, 0, null,
                            texts.get("kaa.import.notInList")));
                }
            }
        }

        private String holder(YoungPerson person) {
            return holders.computeIfAbsent(person.ownerOrganisationId(),
                    id -> organisations.byId(id).map(Organisation::name).orElse("?"));
        }

        /** Contact details from the list replace those in the register only where the list has a value. */
        private YoungPerson changedPerson(YoungPerson person, Checked c, List<String> details) {
            var in = c.person();
            var now = PersonInput.of(person);
            boolean protect = person.protectedIdentity() || c.protectedIdentity();
            Address oldAddress = now.address();
            Address address = protect ? new Address(null, null, null) : new Address(
                    pick(in.address().street(), oldAddress.street()), pick(in.address().postalCode(),
                            oldAddress.postalCode()), pick(in.address().city(), oldAddress.city()));
            var merged = new PersonInput(false, null, null, null, pick(in.firstName(), now.firstName()),
                    pick(in.lastName(), now.lastName()), now.gender(),
                    pick(in.municipalityCode(), now.municipalityCode()), protect, address,
                    pick(in.phone(), now.phone()), pick(in.email(), now.email()), now.preferredLanguage(),
                    now.interpreterNeeded(), now.guardian(), person.version());
            diff(details, "person.field.firstName", now.firstName(), merged.firstName());
            diff(details, "person.field.lastName", now.lastName(), merged.lastName());
            diff(details, "person.field.municipalityCode", now.municipalityCode(), merged.municipalityCode());
            if (!person.protectedIdentity() && c.protectedIdentity()) {
                details.add(texts.get("kaa.import.becomesProtected"));
            } else if (!protect) {
                diff(details, "person.field.street", oldAddress.street(), address.street());
                diff(details, "person.field.postalCode", oldAddress.postalCode(), address.postalCode());
                diff(details, "person.field.city", oldAddress.city(), address.city());
            }
            diff(details, "person.field.phone", now.phone(), merged.phone());
            diff(details, "person.field.email", now.email(), merged.email());
            if (details.isEmpty()) {
                return null;
            }
            try {
                return registry.checkChangeForImport(who.actor(), person, merged);
            } catch (InvalidInputException e) {
                // named as the list's columns are documented, whatever the file calls them
                for (FieldError f : e.errors()) {
                    file.errors().add(c.row(), columns.header(columnOf(f.field())), f);
                }
                return null;
            }
        }

        private KaaEpisode changedEpisode(KaaEpisode e, Checked c, List<String> details) {
            var reason = RegistrationReason.of(c.situation());
            String school = pick(c.school(), e.school());
            String schoolMunicipality = pick(c.schoolMunicipality(), e.schoolMunicipality());
            String programme = pick(c.programme(), e.programme());
            LocalDate leftOn = c.leftOn() == null ? e.leftSchoolOn() : c.leftOn();
            int before = details.size();
            if (reason != e.registrationReason()) {
                details.add(texts.get("kaa.import.change", texts.get("kaa.field.reason"),
                        texts.get("kaa.reason." + e.registrationReason().name()),
                        texts.get("kaa.reason." + reason.name())));
            }
            diff(details, "kaa.field.school", e.school(), school);
            diff(details, "kaa.field.schoolMunicipality", e.schoolMunicipality(), schoolMunicipality);
            diff(details, "kaa.field.programme", e.programme(), programme);
            diff(details, "kaa.field.leftSchoolOn", e.leftSchoolOn() == null ? null : e.leftSchoolOn().toString(),
                    leftOn == null ? null : leftOn.toString());
            if (details.size() == before) {
                return null;
            }
            return new KaaEpisode(e.id(), e.personId(), e.organisationId(), e.registeredOn(), reason, school,
                    schoolMunicipality, programme, leftOn, null, null, e.assignedTo(), e.importId(), e.version());
        }

        /** "Field: before → after", when they differ beyond blanks. */
        private void diff(List<String> details, String fieldKey, String before, String after) {
            if (!Objects.equals(blankToNull(before), blankToNull(after))) {
                details.add(texts.get("kaa.import.change", texts.get(fieldKey), before == null ? "–" : before,
                        after == null ? "–" : after));
            }
        }
    }

    private static ExitReason exitReasonFor(Outcome outcome) {
        return switch (outcome) {
            case TWENTY_OR_OLDER -> ExitReason.FYLLT_20;
            case ATTENDS_NATIONAL_PROGRAMME -> ExitReason.PABORJAT_NATIONELLT_PROGRAM;
            case ATTENDS_INTRODUCTION_PROGRAMME -> ExitReason.PABORJAT_INTRODUKTIONSPROGRAM;
            case COMPLETED_UPPER_SECONDARY -> ExitReason.FULLFOLJT_MED_EXAMEN;
            case NOT_REGISTERED_IN_MUNICIPALITY -> ExitReason.FLYTTAT;
            default -> null;
        };
    }

    private static String pick(String fromList, String existing) {
        return fromList == null || fromList.isBlank() ? existing : fromList.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
