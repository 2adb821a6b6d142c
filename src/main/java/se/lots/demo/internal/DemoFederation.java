package se.lots.demo.internal;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import org.springframework.stereotype.Component;

import se.lots.federation.member.MemberInput;
import se.lots.federation.member.MembershipService;
import se.lots.federation.programme.FinsamProgrammeService;
import se.lots.federation.programme.FunderInput;
import se.lots.federation.programme.ProgrammeInput;
import se.lots.organisation.Organisation;
import se.lots.plan.EnrolmentService;
import se.lots.plan.Programme;
import se.lots.security.Actor;

/**
 * The demo förbund, Samordningsförbundet Skåne Nordväst: the four parties as members since 2019, its area (the
 * municipalities of north-west Skåne, Svalöv among them) and the two programmes it finances as Finsam programmes —
 * Framsteget ung running, Samordningsteamet ended — registered through the förbund's own services.
 */
@Component
class DemoFederation {

    /** Svalöv, Örkelljunga, Bjuv, Perstorp, Klippan, Åstorp, Båstad, Landskrona, Helsingborg, Höganäs, Ängelholm. */
    static final List<String> AREA = List.of("1214", "1257", "1260", "1275", "1276", "1277", "1278", "1282", "1283",
            "1284", "1292");
    static final LocalDate JOINED = LocalDate.of(2019, 1, 1);

    private final MembershipService membership;
    private final FinsamProgrammeService programmes;
    private final EnrolmentService enrolments;

    DemoFederation(MembershipService membership, FinsamProgrammeService programmes, EnrolmentService enrolments) {
        this.membership = membership;
        this.programmes = programmes;
        this.enrolments = enrolments;
    }

    /** After the programmes exist: the members, the area and the Finsam programmes, relative to {@code today}. */
    void load(Actor officer, Organisation kommun, Organisation region, Organisation af, Organisation fk,
            LocalDate today) {
        for (Organisation member : List.of(kommun, region, af, fk)) {
            membership.addMember(officer, new MemberInput(member.id().toString(), JOINED.toString(), null));
        }
        membership.setArea(officer, AREA);
        LocalDate yearStart = today.withDayOfYear(1);
        programmes.register(officer, new ProgrammeInput("SNV 2024/12", null, programmeId(kommun, "Framsteget ung"),
                kommun.id().toString(), "Att unga 16–29 år som varken arbetar eller studerar kommer närmare arbete "
                        + "eller studier genom samtidiga insatser för arbete, hälsa och vardag.",
                "Unga som varken arbetar eller studerar och behöver stöd från flera myndigheter samtidigt.", "16", "29",
                List.of("1214", "1282"), "Individuell coachning, gruppverksamhet och praktik med handledare; "
                        + "stegförflyttning följs med SKAPA.",
                yearStart.minusYears(1).toString(), yearStart.plusYears(2).minusDays(1).toString(), "40",
                List.of(kommun.id().toString(), af.id().toString(), region.id().toString()), "Ingrid Persson",
                "ingrid.persson@svalov.example",
                List.of(new FunderInput("FORBUND", null, null, "80"),
                        new FunderInput("KOMMUN", kommun.id().toString(), null, "20")),
                null));
        LocalDate ended = today.minusMonths(2).with(TemporalAdjusters.lastDayOfMonth());
        programmes.register(officer, new ProgrammeInput("SNV 2022/07", null,
                programmeId(kommun, "Samordningsteamet"), kommun.id().toString(),
                "Samordnat stöd från kommun, Arbetsförmedlingen och Försäkringskassan för unga med "
                        + "aktivitetsersättning eller ekonomiskt bistånd.",
                "Unga med aktivitetsersättning eller långvarigt ekonomiskt bistånd.", "18", "29", List.of("1214"),
                "Gemensamma kartläggningssamtal och ett team med en handläggare från varje part.",
                yearStart.minusYears(3).toString(), ended.toString(), "25",
                List.of(kommun.id().toString(), af.id().toString(), fk.id().toString()), "Cem Yilmaz",
                "cem.yilmaz@svalov.example", List.of(new FunderInput("FORBUND", null, null, "100")), null));
    }

    private String programmeId(Organisation owner, String name) {
        return enrolments.allProgrammes().stream()
                .filter(p -> p.organisationId().equals(owner.id()) && p.name().equals(name)).map(Programme::id)
                .findFirst().map(String::valueOf).orElseThrow();
    }
}
