package se.lots.audit.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.lots.audit.AuditAction;
import se.lots.shared.InvalidInputException;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Logguppföljning", description = "För granskare och administratörer")
class AuditApi {

    private final AuditEntries audit;
    private final Checkpoints checkpoints;

    AuditApi(AuditEntries audit, Checkpoints checkpoints) {
        this.audit = audit;
        this.checkpoints = checkpoints;
    }

    @GetMapping
    @Operation(summary = "Sök i loggen per person eller per användare och period (senaste först)")
    List<AuditEntry> search(@RequestParam(required = false) UUID personId,
            @RequestParam(required = false) String username,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) AuditAction action,
            @RequestParam(defaultValue = "500") int limit, @RequestParam(defaultValue = "0") int offset) {
        if (personId == null && (username == null || username.isBlank()) && action == null) {
            throw new InvalidInputException("personId", "audit.personOrUserRequired");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInputException("to", "validation.periodOrder");
        }
        return audit.search(new AuditQuery(personId, username, from, to, action), Math.min(Math.max(limit, 1), 5000),
                Math.max(offset, 0));
    }

    @GetMapping("/verify")
    @Operation(summary = "Kontrollera hashkedjan och jämför den med de publicerade kontrollpunkterna: valid, antal "
            + "poster, första brutna post, kontrollpunkt som databasen inte stämmer med, förfalskade kontrollpunkter")
    ChainVerification verify() {
        return audit.verify();
    }

    @PostMapping("/checkpoints")
    @Operation(summary = "Publicera loggens senaste post som signerad kontrollpunkt nu (annars var 15:e minut)")
    ResponseEntity<Checkpoint> publishCheckpoint() {
        return ResponseEntity.of(checkpoints.publish());
    }
}
