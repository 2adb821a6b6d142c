package se.lots.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.benchmark.PersonGenerator.Holder;
import se.lots.organisation.NewOrganisation;
import se.lots.organisation.Organisation;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.PartyType;

/**
 * Who holds the generated persons at registry scale: the demo kommun most of them (the worst case for the owner
 * filter of its users' searches), eight neighbouring kommuner and the demo's other organisations the rest.
 */
final class DemoArea {

    static final String DEMO_KOMMUN = "Svalövs kommun";
    private static final List<String> NEIGHBOURS = List.of("1282", "1283", "1260", "1261", "1285", "1267", "1276",
            "1277");
    private static final List<String> SKANE = Stream.concat(Stream.of("1214"),
            Stream.concat(NEIGHBOURS.stream(), Stream.of("1280", "1281"))).toList();

    private DemoArea() {
    }

    /** Creates the neighbouring kommuner's organisations the first time, reuses them after that. */
    static List<Holder> holders(OrganisationService organisations, JdbcClient jdbc) {
        var holders = new ArrayList<Holder>();
        List<Organisation> existing = organisations.organisations();
        Organisation demoKommun = existing.stream().filter(o -> o.name().equals(DEMO_KOMMUN)).findFirst()
                .orElseThrow(() -> new IllegalStateException(DEMO_KOMMUN + " is missing: start with LOTS_DEMO=true"));
        holders.add(new Holder(demoKommun.id().value(), 0.80, SKANE));
        for (String code : NEIGHBOURS) {
            String name = jdbc.sql("SELECT name FROM municipality WHERE code = ?").param(code).query(String.class)
                    .single();
            Organisation kommun = existing.stream().filter(o -> o.name().equals(name)).findFirst()
                    .orElseGet(() -> organisations.create(new NewOrganisation(name, PartyType.KOMMUN, code, "12",
                            List.of())));
            holders.add(new Holder(kommun.id().value(), 0.02, List.of(code)));
        }
        for (Organisation o : existing) {
            if (o.partyType() != PartyType.KOMMUN) {
                holders.add(new Holder(o.id().value(), 0.01, SKANE));
            }
        }
        return holders;
    }
}
