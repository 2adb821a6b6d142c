package se.lots.intervention.coverage;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import se.lots.organisation.Role;
import se.lots.security.Actor;
import se.lots.web.start.StartPanel;

/**
 * The analyst's and the förbund officer's start panel of the intervention map (template intervention/start.html):
 * how many cells of the coverage map (age band × need) have no intervention, and the map's views. The catalogue holds
 * no person's data.
 */
@Component
class CoverageStartPanel implements StartPanel {

    private final CoverageService coverage;

    CoverageStartPanel(CoverageService coverage) {
        this.coverage = coverage;
    }

    @Override
    public int order() {
        return 250;
    }

    @Override
    public Optional<Content> content(Actor user) {
        if (user.role() != Role.ANALYST && user.role() != Role.FEDERATION_OFFICER) {
            return Optional.empty();
        }
        CoverageMatrix matrix = coverage.matrix(CoverageFilter.all());
        return Optional.of(Content.of("intervention/start", "panel", Map.of("gaps", matrix.gaps(),
                "cells", matrix.cells().size())));
    }
}
