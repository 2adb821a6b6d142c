package se.lots.kaa.register;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.audit.AccessBasis;
import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.kaa.ExitReason;
import se.lots.organisation.Organisation;
import se.lots.organisation.Organisations;
import se.lots.organisation.PartyType;
import se.lots.organisation.Role;
import se.lots.reference.Municipality;
import se.lots.reference.MunicipalityCode;
import se.lots.reference.ReferenceData;
import se.lots.registry.RegistryService;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.NotFoundException;
import se.lots.shared.Validation;
import se.lots.shared.Versions;

/**
 * Moves and placements (docs/kaa.md, "Flytt och placering"). The KAA responsibility follows the home municipality
 * (skollagen 29 kap. 9 §): a move of the folkbokföring closes the episode in the old municipality and opens one in
 * the new, in one transaction, and the registry's home municipality follows. The new municipality is told only that
 * the person is in its target group (an episode, status not known, reason "Inflyttad"): no school, status, contact or
 * measure of the old register goes with it, for no provision found makes the old municipality pass them on without
 * consent. A placement in another municipality (HVB, familjehem) keeps the responsibility where it is.
 */
@Service
public class KaaMoveService {

    /** Audit detail prefix: the move's steps are audited with the activity responsibility as basis. */
    static final String MOVE = "KAA-flytt";
    private static final AccessBasis BASIS = AccessBasis.of(KaaAccess.PURPOSE);

    private final KaaEpisodes episodes;
    private final KaaMoves moves;
    private final Organisations organisations;
    private final ReferenceData reference;
    private final RegistryService registry;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    KaaMoveService(KaaEpisodes episodes, KaaMoves moves, Organisations organisations, ReferenceData reference,
            RegistryService registry, AuditLog audit, JdbcClient jdbc, Clock clock) {
        this.episodes = episodes;
        this.moves = moves;
        this.organisations = organisations;
        this.reference = reference;
        this.registry = registry;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A move as the coordinator records it: the open episode and its version as read, the new municipality. */
    public record MoveInput(UUID episodeId, Integer version, String toMunicipality, String movedOn, String moveSource) {
    }

    /** A placement in another municipality; {@code toOn} empty while it lasts. */
    public record PlacementInput(String placementMunicipality, String placementKind, String placementFrom,
            String placementTo) {
    }

    /** What the person's KAA page shows of moves and placements to the actor's municipality. */
    public record History(List<KaaMove> moves, List<Placement> placements) {

        /** The move that ended the municipality's latest episode, when it has none open: "flyttat till X den D". */
        public KaaMove movedOut(List<KaaEpisode> episodes) {
            if (episodes.isEmpty() || episodes.stream().anyMatch(KaaEpisode::open)) {
                return null;
            }
            UUID latest = episodes.get(0).id();
            return moves.stream().filter(m -> latest.equals(m.closedEpisodeId())).findFirst().orElse(null);
        }

        public List<Placement> current(LocalDate today) {
            return placements.stream().filter(p -> p.currentOn(today)).toList();
        }
    }

    @Transactional(readOnly = true)
    public History history(Actor actor, UUID personId) {
        Organisation org = KaaAccess.municipalityOf(actor, organisations);
        return new History(moves.seenBy(org.id(), personId), moves.placements(org.id(), personId));
    }

    /** Municipalities a move or placement can go to, by name. */
    public List<Municipality> municipalities() {
        return reference.municipalities().stream().sorted(Comparator.comparing(Municipality::name)).toList();
    }

    /**
     * Records a move out of the actor's municipality. Only the KAA coordinator does, as only they end episodes. A
     * second move of the same episode (two coordinators at once, or a page read before someone else's move) is a
     * conflict, and nothing of it is saved.
     */
    @Transactional
    public KaaMove move(Actor actor, UUID personId, MoveInput input) {
        Organisation from = KaaAccess.municipalityOf(actor, organisations);
        if (actor.role() != Role.KAA_COORDINATOR) {
            throw new AccessDeniedException("only the KAA coordinator records a move");
        }
        KaaEpisode episode = input.episodeId() == null ? null : episodes.byId(input.episodeId())
                .filter(e -> e.organisationId().equals(from.id()) && e.personId().equals(personId)).orElse(null);
        if (episode == null) {
            throw new NotFoundException("kaa.episode");
        }
        int version = Versions.required(input.version(), null);
        var v = new Validation();
        v.require("toMunicipality", blank(input.toMunicipality()));
        MunicipalityCode to = null;
        if (blank(input.toMunicipality()) != null) {
            to = reference.municipality(input.toMunicipality()).map(Municipality::code).orElse(null);
            if (to == null) {
                v.reject("toMunicipality", "kaa.move.unknownMunicipality", input.toMunicipality().strip());
            } else if (to.equals(from.municipalityCode())) {
                v.reject("toMunicipality", "kaa.move.sameMunicipality", name(to));
            }
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate on = v.date("movedOn", input.movedOn(), true, today);
        if (on != null && on.isBefore(episode.registeredOn())) {
            v.reject("movedOn", "kaa.move.beforeRegistration", episode.registeredOn().toString());
        }
        MoveSource source = v.enumValue("moveSource", input.moveSource(), MoveSource.class, true);
        v.throwIfInvalid();
        if (!episode.open()) {
            throw new ConflictException("kaa.move.alreadyEnded", episode.id(), episode);
        }
        if (episode.version() != version || !episodes.close(episode.id(), version, on, ExitReason.FLYTTAT)) {
            throw new ConflictException("kaa.move.stale", episode.id(), episodes.byId(episode.id()).orElseThrow());
        }
        return handOver(actor, from, episode, to, on, source);
    }

    /**
     * The handover after the old episode is closed with FLYTTAT (by {@link #move}, or by a list import whose row
     * names another home municipality): audited, the new municipality's episode opened with the fact only (or its
     * open one kept), the registry's home municipality changed, and the handover recorded. Runs in the caller's
     * transaction.
     */
    KaaMove handOver(Actor actor, Organisation from, KaaEpisode episode, MunicipalityCode to, LocalDate on,
            MoveSource source) {
        UUID personId = episode.personId();
        audit.record(actor, personId, AuditAction.UPDATE, BASIS, MOVE + ": avslutad i " + from.name() + " ("
                + from.municipalityCode() + "), flyttat till " + name(to) + " (" + to + ") den " + on + ", källa "
                + source + " (skollagen 29 kap. 9 §: ansvaret följer folkbokföringen)");

        Organisation target = municipalityOrganisation(to);
        UUID opened = null;
        if (target != null) {
            opened = episodes.forPerson(target.id(), personId).stream().filter(KaaEpisode::open).findFirst()
                    .map(KaaEpisode::id).orElse(null);
            if (opened == null) {
                // only that the person is in the target group: no school, status, contact or measure goes with it
                opened = UUID.randomUUID();
                episodes.insertAll(List.of(new KaaEpisode(opened, personId, target.id(), on,
                        RegistrationReason.INFLYTTAD, null, null, null, null, null, null, null, null, 0)),
                        actor.userId());
            }
            audit.record(actor, personId, AuditAction.CREATE, BASIS, MOVE + ": öppnad i " + target.name() + " ("
                    + to + ") från " + from.name() + " den " + on
                    + "; lämnat: att personen tillhör målgruppen, inget mer utan samtycke");
        }
        if (!to.equals(homeMunicipality(personId))) {
            registry.recordHomeMunicipality(actor, personId, to, BASIS, "toMunicipality",
                    MOVE + ": folkbokföringskommun " + to + " från den " + on);
        }
        UUID id = moves.insert(personId, from.id(), from.municipalityCode(), target == null ? null : target.id(), to,
                on, source, episode.id(), opened, actor.userId());
        return moves.seenBy(from.id(), personId).stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    /** Records a placement in another municipality: the responsibility stays, the municipality becomes a contact. */
    @Transactional
    public Placement recordPlacement(Actor actor, UUID personId, PlacementInput input) {
        Organisation org = KaaAccess.municipalityOf(actor, organisations);
        requireOpen(org, personId);
        var v = new Validation();
        v.require("placementMunicipality", blank(input.placementMunicipality()));
        MunicipalityCode where = null;
        if (blank(input.placementMunicipality()) != null) {
            where = reference.municipality(input.placementMunicipality()).map(Municipality::code).orElse(null);
            if (where == null) {
                v.reject("placementMunicipality", "kaa.placement.unknownMunicipality",
                        input.placementMunicipality().strip());
            } else if (where.equals(org.municipalityCode())) {
                v.reject("placementMunicipality", "kaa.placement.ownMunicipality", name(where));
            }
        }
        PlacementKind kind = v.enumValue("placementKind", input.placementKind(), PlacementKind.class, true);
        LocalDate fromOn = v.date("placementFrom", input.placementFrom(), true, null);
        LocalDate toOn = v.date("placementTo", input.placementTo(), false, null);
        if (fromOn != null && toOn != null && toOn.isBefore(fromOn)) {
            v.reject("placementTo", "kaa.placement.endBeforeStart");
        }
        v.throwIfInvalid();
        UUID id = moves.insertPlacement(org.id(), personId, where, kind, fromOn, toOn, actor.userId());
        audit.record(actor, personId, AuditAction.UPDATE, BASIS, "KAA-placering: " + kind + " i " + name(where) + " ("
                + where + ") från " + fromOn + (toOn == null ? "" : " till " + toOn)
                + "; ansvaret kvar i " + org.name() + ", placeringskommunen får inget utan samtycke");
        return moves.placement(org.id(), id).orElseThrow();
    }

    /** Ends a placement (today when no day is given); a stale or already ended placement is a conflict. */
    @Transactional
    public Placement endPlacement(Actor actor, UUID placementId, String toOn, Integer version) {
        Organisation org = KaaAccess.municipalityOf(actor, organisations);
        Placement p = moves.placement(org.id(), placementId).orElseThrow(() -> new NotFoundException("kaa.placement"));
        int v0 = Versions.required(version, null);
        var v = new Validation();
        LocalDate today = LocalDate.now(clock);
        LocalDate on = blank(toOn) == null ? today : v.date("placementTo", toOn, true, null);
        if (on != null && on.isBefore(p.fromOn())) {
            v.reject("placementTo", "kaa.placement.endBeforeStart");
        }
        v.throwIfInvalid();
        if (p.version() != v0 || !moves.endPlacement(p.id(), v0, on, actor.userId())) {
            throw new ConflictException("kaa.placement.stale", p.id(), moves.placement(org.id(), p.id()).orElseThrow());
        }
        audit.record(actor, p.personId(), AuditAction.UPDATE, BASIS, "KAA-placering avslutad: " + p.kind() + " i "
                + p.municipalityName() + " (" + p.municipality() + ") till " + on);
        return moves.placement(org.id(), p.id()).orElseThrow();
    }

    /**
     * The municipality's organisation in Lots: a kommun with that code (the oldest, should there be more than one);
     * null when the municipality does not use Lots.
     */
    private Organisation municipalityOrganisation(MunicipalityCode code) {
        return organisations.all().stream()
                .filter(o -> o.partyType() == PartyType.KOMMUN && code.equals(o.municipalityCode()))
                .min(Comparator.comparingLong(o -> o.id().value())).orElse(null);
    }

    private MunicipalityCode homeMunicipality(UUID personId) {
        return jdbc.sql("SELECT municipality_code FROM registry_person WHERE id = ?").param(personId)
                .query(String.class).optional().map(MunicipalityCode::ofNullable).orElse(null);
    }

    private void requireOpen(Organisation org, UUID personId) {
        if (episodes.forPerson(org.id(), personId).stream().noneMatch(KaaEpisode::open)) {
            throw new AccessDeniedException("the person is not in the municipality's KAA register");
        }
    }

    private String name(MunicipalityCode code) {
        return reference.municipality(code).map(Municipality::name).orElse(String.valueOf(code));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
