package se.lots.demo.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import se.lots.intervention.CatalogueService;
import se.lots.intervention.Need;
import se.lots.intervention.Provider;
import se.lots.intervention.ProviderInput;
import se.lots.intervention.InterventionInput;
import se.lots.organisation.Organisation;
import se.lots.organisation.Organisations;
import se.lots.plan.EnrolmentService;
import se.lots.security.Actor;

/**
 * The demo area's intervention catalogue, after the Skellefteå and Svalöv mappings in the seeds: the municipality's
 * AME, Arbetsförmedlingen, the health centre, a folkhögskola, civil society and the förbund's own team.
 */
@Component
class DemoCatalogue {

    private static final List<String> AREA = List.of("1214", "1282", "1283", "1260");

    private final CatalogueService catalogue;
    private final Organisations organisations;
    private final EnrolmentService enrolments;

    DemoCatalogue(CatalogueService catalogue, Organisations organisations, EnrolmentService enrolments) {
        this.catalogue = catalogue;
        this.organisations = organisations;
        this.enrolments = enrolments;
    }

    void load(Actor forbund, Organisation kommun, Organisation region, Organisation af, Organisation federation) {
        Provider ame = linked(forbund, kommun, "Arbetsmarknadsenheten", "Ingrid Persson", "0418-47 50 00",
                "ame@svalov.example.se", "Herrevadsgatan 16, 268 80 Svalöv", "Mån–fre 8–16, drop-in tis 13–15");
        Provider social = linked(forbund, kommun, "Socialtjänsten – ekonomiskt bistånd", null, "0418-47 50 00",
                "socialtjansten@svalov.example.se", "Herrevadsgatan 16, 268 80 Svalöv", "Mån–fre 8–12");
        Provider afProvider = linked(forbund, af, null, null, "0771-416 416", null, null, "Telefon mån–fre 8–16");
        Provider vc = linked(forbund, region, "Vårdcentralen Svalöv", null, "0418-45 60 00", null,
                "Södergatan 2, 268 31 Svalöv", "Mån–fre 8–17");
        Provider team = linked(forbund, federation, null, "Fredrik Öberg", "042-10 20 30",
                "kansliet@forbund.example.se", "Drottninggatan 1, Helsingborg", "Mån–fre 9–16");
        Provider folkhogskola = own(forbund, "Söderslätts folkhögskola", "SKOLA", "0410-33 44 55",
                "info@folkhogskola.example.se", "Skolvägen 3, Trelleborg", "Terminstid mån–fre 8–16");
        Provider mentors = own(forbund, "Föreningen Unga mentorer", "CIVIL_SOCIETY", "070-111 22 33",
                "hej@ungamentorer.example.se", "Föreningsgården, Storgatan 5, Svalöv", "Tis och tor 15–19");

        Long framsteget = enrolments.allProgrammes().stream().filter(p -> p.name().equals("Framsteget ung"))
                .map(p -> p.id()).findFirst().orElse(null);
        add(forbund, ame, framsteget, "Framsteget ung", "INSATS",
                "Stöd att komma vidare till arbete eller studier. Du träffar en coach varje vecka, prövar praktik "
                        + "och får hjälp med kontakter med andra myndigheter.",
                "Unga som står långt från arbete och studier", 16, 29,
                needs("Motivation", "Praktiskt stöd", "Samordning vid flera aktörer"), List.of("INGET_KRAV", "KAA"),
                "Individuell coachning, stegförflyttning, praktik", 26, 20, null, 14, "Samordningsförbundet, kommunen",
                true);
        add(forbund, ame, null, "Steget vidare", "PRAKTIK",
                "Praktik på en arbetsplats i kommunen med handledare. Du får pröva ett yrke och får ett intyg.",
                "Unga som har lämnat gymnasiet utan examen", 16, 24, needs("Arbetslivserfarenhet", "Motivation"),
                List.of("KAA", "EKONOMISKT_BISTAND"), "Handledd praktik, trepartssamtal", 12, 15, 9, 7, "Kommunen",
                true);
        add(forbund, afProvider, null, "Rusta och matcha", "ATGARD",
                "En leverantör hjälper dig att hitta ett arbete eller en utbildning som passar dig.",
                "Arbetssökande inskrivna på Arbetsförmedlingen", 18, 29, needs("Arbetslivserfarenhet"),
                List.of("INSKRIVEN_AF"), "Matchning, jobbsökarstöd", 26, null, null, 30, "Arbetsförmedlingen", false);
        add(forbund, vc, null, "Hälsosamtal för unga", "AKTIVITET",
                "Ett samtal med en sjuksköterska om sömn, mat, rörelse och hur du mår. Du kan ta med någon.",
                "Unga i kommunens arbetsmarknadsinsatser", 16, 29, needs("Vårdkontakt / psykisk hälsa"),
                List.of("INGET_KRAV"), "Motiverande samtal", 1, 10, 3, 5, "Region Skåne", false);
        add(forbund, folkhogskola, null, "Allmän kurs", "UTBILDNING",
                "Studier i mindre grupp där du kan läsa in grundskole- och gymnasiebehörighet i din takt.",
                "Unga som inte har fullföljt gymnasiet", 18, 29,
                needs("Alternativ utbildning", "Basala kompetenser", "NPF-stöd"), List.of("KAA", "INGET_KRAV"),
                "Folkbildning, studiemotivation", 40, 25, 25, 60, "Staten via Folkbildningsrådet", true);
        add(forbund, mentors, null, "Mentor för unga", "INSATS",
                "En vuxen mentor som du träffar varannan vecka för att prata, göra saker och planera framåt.",
                "Unga 16–25 år som vill ha en vuxen att prata med", 16, 25, needs("Motivation"),
                List.of("INGET_KRAV"), "Ideellt mentorskap", 20, 12, 4, 21, "Föreningen, Arvsfonden", false);
        add(forbund, mentors, null, "Språkcafé", "AKTIVITET",
                "Öva svenska i en avslappnad grupp med fika. Ingen anmälan behövs.", "Nyanlända unga", 16, 29,
                needs("Språk"), List.of("INGET_KRAV", "ETABLERING"), "Samtalsgrupp", null, 30, 12, 0,
                "Föreningen", false);
        add(forbund, team, null, "Samordningsteamet", "INSATS",
                "När många myndigheter är inblandade hjälper teamet dig och dem att göra en gemensam plan.",
                "Unga med stöd från flera huvudmän", 16, 29,
                needs("Samordning vid flera aktörer", "Vårdkontakt / psykisk hälsa"),
                List.of("AKTIVITETSERSATTNING", "SJUKPENNING", "EKONOMISKT_BISTAND"), "SIP, case management", 52, 30,
                22, 21, "Samordningsförbundet (kommun, region, AF, FK)", false);
        add(forbund, social, null, "Boende- och budgetstöd", "INSATS",
                "Hjälp att hitta och behålla ett boende och att få ordning på ekonomin.",
                "Unga med ekonomiskt bistånd", 18, 29, needs("Boende", "Ekonomi"), List.of("EKONOMISKT_BISTAND"),
                "Boendecoachning, budgetrådgivning", 12, 8, 8, 45, "Kommunen", false);
    }

    private Provider linked(Actor actor, Organisation o, String unitName, String contact, String phone, String email,
            String address, String hours) {
        Long unitId = unitName == null ? null : organisations.units(o.id()).stream()
                .filter(u -> u.name().equals(unitName)).map(u -> u.id()).findFirst().orElseThrow();
        return catalogue.saveProvider(actor, null, new ProviderInput(String.valueOf(o.id()),
                unitId == null ? null : unitId.toString(), null, null, contact, phone, email, address, hours, null));
    }

    private Provider own(Actor actor, String name, String partyType, String phone, String email, String address,
            String hours) {
        return catalogue.saveProvider(actor, null, new ProviderInput(null, null, name, partyType, null, phone, email,
                address, hours, null));
    }

    private List<String> needs(String... names) {
        var all = catalogue.needs();
        return List.of(names).stream().map(n -> all.stream().filter(x -> x.name().equals(n)).findFirst()
                .orElseThrow()).map(Need::id).map(String::valueOf).toList();
    }

    private void add(Actor actor, Provider p, Long programmeId, String name, String kind, String description,
            String targetGroup, int ageMin, int ageMax, List<String> needIds, List<String> eligibility, String method,
            Integer weeks, Integer capacity, Integer occupancy, Integer waitingDays, String financing, boolean kaa) {
        catalogue.create(actor, new InterventionInput(String.valueOf(p.id()),
                programmeId == null ? null : programmeId.toString(), name, description, kind, targetGroup,
                String.valueOf(ageMin), String.valueOf(ageMax), needIds, eligibility, method, text(weeks),
                text(capacity), text(occupancy), text(waitingDays), "Ingen kostnad för deltagaren", financing, kaa,
                AREA, null, null, true, null));
    }

    private static String text(Integer n) {
        return n == null ? null : n.toString();
    }
}
