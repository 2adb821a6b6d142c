package se.lots.intervention;

import java.util.ArrayList;
import java.util.List;

import se.lots.intervention.catalogue.InterventionKind;

/** Test data: {@code anIntervention(provider).named("…").aged(16, 29).withNeeds(…).build()}. */
public final class InterventionBuilder {

    private final long providerId;
    private String name = "Testinsats";
    private String description = "Stöd i vardagen och på vägen mot arbete eller studier.";
    private InterventionKind kind = InterventionKind.INSATS;
    private String targetGroup = "Unga som varken arbetar eller studerar";
    private int ageMin = 16;
    private int ageMax = 29;
    private final List<String> needIds = new ArrayList<>();
    private String capacity;
    private String occupancy;
    private String waitingDays;
    private boolean kaa;
    private List<String> municipalities = List.of("1214");
    private String validFrom;
    private String validTo;
    private Integer version;
    private Long programmeId;

    private InterventionBuilder(long providerId) {
        this.providerId = providerId;
    }

    public static InterventionBuilder anIntervention(Provider provider) {
        return new InterventionBuilder(provider.id());
    }

    public InterventionBuilder named(String n) {
        this.name = n;
        return this;
    }

    public InterventionBuilder described(String d) {
        this.description = d;
        return this;
    }

    public InterventionBuilder ofKind(InterventionKind k) {
        this.kind = k;
        return this;
    }

    public InterventionBuilder aged(int min, int max) {
        this.ageMin = min;
        this.ageMax = max;
        return this;
    }

    public InterventionBuilder withNeeds(Need... needs) {
        for (Need n : needs) {
            needIds.add(String.valueOf(n.id()));
        }
        return this;
    }

    public InterventionBuilder places(Integer capacity, Integer occupancy) {
        this.capacity = capacity == null ? null : capacity.toString();
        this.occupancy = occupancy == null ? null : occupancy.toString();
        return this;
    }

    public InterventionBuilder waiting(int days) {
        this.waitingDays = String.valueOf(days);
        return this;
    }

    public InterventionBuilder kaaMeasure() {
        this.kaa = true;
        return this;
    }

    public InterventionBuilder in(String... municipalityCodes) {
        this.municipalities = List.of(municipalityCodes);
        return this;
    }

    public InterventionBuilder valid(String from, String to) {
        this.validFrom = from;
        this.validTo = to;
        return this;
    }

    public InterventionBuilder linkedTo(long programme) {
        this.programmeId = programme;
        return this;
    }

    public InterventionBuilder atVersion(int v) {
        this.version = v;
        return this;
    }

    public InterventionInput build() {
        return new InterventionInput(String.valueOf(providerId),
                programmeId == null ? null : programmeId.toString(), name, description, kind.name(), targetGroup,
                String.valueOf(ageMin), String.valueOf(ageMax), needIds, List.of("INGET_KRAV"), "Samtal och grupp",
                "12", capacity, occupancy, waitingDays, "Ingen kostnad för deltagaren", "Samordningsförbundet", kaa,
                municipalities, validFrom, validTo, true, version);
    }
}
