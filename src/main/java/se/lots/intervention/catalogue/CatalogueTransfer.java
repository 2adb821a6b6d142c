package se.lots.intervention.catalogue;

import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.intervention.CatalogueService;
import se.lots.intervention.Provider;
import se.lots.security.Actor;

/**
 * The catalogue as an xlsx file. Staff only: it holds the providers' contact persons, so each export is audited.
 * Retired interventions are left out; those not yet valid are in.
 */
@Service
public class CatalogueTransfer {

    private final Interventions interventions;
    private final Providers providers;
    private final Needs needs;
    private final MessageSource messages;
    private final AuditLog audit;

    CatalogueTransfer(Interventions interventions, Providers providers, Needs needs, MessageSource messages,
            AuditLog audit) {
        this.interventions = interventions;
        this.providers = providers;
        this.needs = needs;
        this.messages = messages;
        this.audit = audit;
    }

    @Transactional
    public byte[] export(Actor actor) {
        var all = interventions.allNotRetired();
        var byId = providers.all().stream().collect(Collectors.toMap(Provider::id, Function.identity()));
        byte[] file = CatalogueWorkbook.catalogue(all, needs.all(), byId, messages);
        audit.record(actor, null, AuditAction.EXPORT, CatalogueService.CATALOGUE, "insatskatalog xlsx, "
                + all.size() + " insatser");
        return file;
    }
}
