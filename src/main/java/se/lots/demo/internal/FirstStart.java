package se.lots.demo.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import se.lots.consent.ConsentPurpose;
import se.lots.consent.ConsentScope;
import se.lots.consent.ConsentService;
import se.lots.consent.GivenHow;
import se.lots.consent.NewConsent;
import se.lots.kaa.KaaImportService;
import se.lots.organisation.LineOfWork;
import se.lots.organisation.NewOrganisation;
import se.lots.plan.EnrolmentService;
import se.lots.organisation.NewUser;
import se.lots.organisation.Organisation;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.OrganisationUnit;
import se.lots.organisation.Organisations;
import se.lots.organisation.PartyType;
import se.lots.organisation.Role;
import se.lots.organisation.UserAccounts;
import se.lots.registry.Address;
import se.lots.registry.Guardian;
import se.lots.registry.PersonInput;
import se.lots.registry.PersonalIdentityNumber;
import se.lots.registry.RegistryService;
import se.lots.registry.YoungPerson;
import se.lots.security.Actor;
import se.lots.shared.InvalidInputException;
import se.lots.security.CurrentActor;

/**
 * Runs once, when the database has no users: creates {@code admin} if LOTS_ADMIN_PASSWORD is set, and the demo
 * area unless LOTS_DEMO=false. Personnummer come only from Skatteverket's test numbers.
 */
@Component
class FirstStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);
    static final String DEMO_PASSWORD = "lots-demo-2026";
    static final int DEMO_PERSONS = 200;

    private static final String[] WOMEN = { "Alva", "Elsa", "Maja", "Wilma", "Ebba", "Saga", "Amira", "Nora",
        "Lova", "Ella", "Alice", "Julia", "Fatima", "Sara", "Hanna", "Leila", "Moa", "Tilde", "Agnes", "Noor" };
    private static final String[] MEN = { "Liam", "Noah", "Elias", "Hugo", "Oscar", "Lucas", "William", "Adam",
        "Ali", "Omar", "Viktor", "Emil", "Anton", "Isak", "Mohammed", "Axel", "Leo", "Filip", "Nils", "Yusuf" };
    private static final String[] SURNAMES = { "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson",
        "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson", "Pettersson", "Jönsson", "Hansson", "Bengtsson",
        "Lindberg", "Mohammed", "Ali", "Hassan", "Lindqvist", "Berg", "Åkesson", "Sandberg", "Holm", "Ibrahim" };
    private static final String[] STREETS = { "Storgatan", "Järnvägsgatan", "Trädgårdsgatan", "Bygatan",
        "Skolgatan", "Kvarngatan", "Ringvägen", "Norregatan" };
    private static final String[][] POSTAL = { { "268 31", "Svalöv" }, { "268 32", "Svalöv" },
        { "268 02", "Teckomatorp" }, { "268 05", "Kågeröd" } };

    private final OrganisationService organisationService;
    private final Organisations organisations;
    private final UserAccounts users;
    private final CurrentActor actors;
    private final RegistryService registry;
    private final ConsentService consents;
    private final KaaImportService kaaImports;
    private final EnrolmentService enrolments;
    private final DemoCatalogue demoCatalogue;
    private final DemoFederation demoFederation;
    private final TransactionTemplate transaction;
    private final MessageSource messages;
    private final String adminPassword;
    private final boolean demo;
    private final Clock clock;
    private final DemoPlayer player;
    private final boolean demoYear;
    private final long seed;

    FirstStart(OrganisationService organisationService, Organisations organisations, UserAccounts users,
            CurrentActor actors, RegistryService registry, ConsentService consents, KaaImportService kaaImports,
            EnrolmentService enrolments, DemoCatalogue demoCatalogue, DemoFederation demoFederation,
            TransactionTemplate transaction,
            MessageSource messages, @Value("${lots.admin-password:}") String adminPassword,
            @Value("${lots.demo:true}") boolean demo, Clock clock, DemoPlayer player,
            @Value("${lots.demo-year:true}") boolean demoYear, @Value("${lots.demo.seed:1214}") long seed) {
        this.organisationService = organisationService;
        this.organisations = organisations;
        this.users = users;
        this.actors = actors;
        this.registry = registry;
        this.consents = consents;
        this.kaaImports = kaaImports;
        this.enrolments = enrolments;
        this.demoCatalogue = demoCatalogue;
        this.demoFederation = demoFederation;
        this.transaction = transaction;
        this.messages = messages;
        this.adminPassword = adminPassword;
        this.demo = demo;
        this.clock = clock;
        this.player = player;
        this.demoYear = demoYear;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (users.any()) {
            return;
        }
        long began = System.nanoTime();
        // the year of work is played with the clock turned back: the demo area is set up on its first day
        DemoClock timeMachine = demo && demoYear && clock instanceof DemoClock c ? c : null;
        LocalDate today = LocalDate.now(clock);
        if (timeMachine != null) {
            timeMachine.travelTo(DemoYear.start(today).atTime(7, 30));
        }
        Demo area;
        try {
            area = transaction.execute(status -> {
                try {
                    return load(timeMachine != null);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            if (timeMachine != null) {
                timeMachine.back();
            }
        }
        if (area == null || timeMachine == null) {
            return;
        }
        long loaded = System.nanoTime();
        DemoYear year = DemoYear.of(seed, today, area.persons());
        int refused = player.play(year, timeMachine, area.ids(), area.organisations());
        played = new Played(year, refused);
        log.info("Lots demo: a year of work from seed {} ({} actions, {} refused, digest {}) generated in {} s "
                + "(the area {} s, the year {} s)", seed, year.actions().size(), refused,
                year.digest().substring(0, 12), seconds(System.nanoTime() - began), seconds(loaded - began),
                seconds(System.nanoTime() - loaded));
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e9);
    }

    /** The year played at this start, and how many of its actions the services refused (none, normally). */
    record Played(DemoYear year, int refused) {
    }

    private volatile Played played;

    Played played() {
        return played;
    }

    /** The demo area as the year needs it: the persons in registration order and the organisations by user. */
    record Demo(List<DemoYear.Person> persons, List<java.util.UUID> ids,
            java.util.Map<String, Organisation> organisations) {
    }

    /** {@code year}: the year is played after it, from this day on (the clock set back to its first day). */
    private Demo load(boolean year) throws IOException {
        Organisation kommun = organisationService.create(new NewOrganisation("Svalövs kommun", PartyType.KOMMUN,
                "1214", "12", List.of("Arbetsmarknadsenheten", "Socialtjänsten – ekonomiskt bistånd",
                        "KAA – kommunalt aktivitetsansvar")));
        // the municipality's secrecy boundaries (docs/security.md "Secrecy inside a municipality"): the KAA is the
        // education committee's, and in Svalöv, as in many municipalities, the labour-market unit carries it out for
        // the committee (one line of work); the social services are the social committee's own
        boundary(kommun, "KAA – kommunalt aktivitetsansvar", "Bildningsnämnden", LineOfWork.UTBILDNING_KAA);
        boundary(kommun, "Arbetsmarknadsenheten", "Bildningsnämnden", LineOfWork.UTBILDNING_KAA);
        boundary(kommun, "Socialtjänsten – ekonomiskt bistånd", "Socialnämnden", LineOfWork.SOCIALTJANST);
        if (!adminPassword.isBlank()) {
            try {
                organisationService.createUser(new NewUser("admin", adminPassword, "Administratör", Role.ADMIN,
                        kommun.id(), null));
            } catch (InvalidInputException e) {
                // refusing to start is the one way an operator sees it: an admin without a login helps nobody
                throw new IllegalStateException("LOTS_ADMIN_PASSWORD is refused by the password policy "
                        + "(docs/security.md): " + e.texts(messages, java.util.Locale.ENGLISH).values()
                        + " Choose a passphrase of 15 to 64 characters that is not a common one, then start again.");
            }
            log.info("Created user 'admin' with the password from LOTS_ADMIN_PASSWORD");
        }
        if (!demo) {
            return null;
        }
        Organisation region = organisationService.create(new NewOrganisation("Region Skåne", PartyType.REGION, null,
                "12", List.of("Vårdcentralen Svalöv", "Ungdomsmottagningen")));
        boundary(region, "Vårdcentralen Svalöv", "Hälso- och sjukvårdsnämnden", LineOfWork.HALSO_OCH_SJUKVARD);
        boundary(region, "Ungdomsmottagningen", "Hälso- och sjukvårdsnämnden", LineOfWork.HALSO_OCH_SJUKVARD);
        Organisation af = organisationService.create(new NewOrganisation("Arbetsförmedlingen",
                PartyType.ARBETSFORMEDLINGEN, null, null, List.of("Arbetsförmedlingen Landskrona–Svalöv")));
        Organisation fk = organisationService.create(new NewOrganisation("Försäkringskassan",
                PartyType.FORSAKRINGSKASSAN, null, null, List.of("Lokalkontor Helsingborg")));
        Organisation forbund = organisationService.create(new NewOrganisation("Samordningsförbundet Skåne Nordväst",
                PartyType.FORBUND, null, "12", List.of("Kansliet")));

        // work e-mail and phone for those who meet young people (reminders go there, "Din plan" prints the phone):
        // addresses under the reserved .example domain, numbers from PTS' range for fiction (070-174 06 05–99). The
        // förbund's, the analyst's, the auditor's and the administrator's accounts have none, as many real ones
        // lack them: the administrator's start page lists them.
        var demoUsers = List.of(
                user("kaa", "Karin Ahlström", Role.KAA_COORDINATOR, kommun, "KAA – kommunalt aktivitetsansvar",
                        "karin.ahlstrom@svalov.example", "070-174 06 10"),
                user("coach", "Cem Yilmaz", Role.CASE_WORKER, kommun, "Arbetsmarknadsenheten",
                        "cem.yilmaz@svalov.example", "070-174 06 11"),
                user("socialsekreterare", "Sofia Lind", Role.CASE_WORKER, kommun, "Socialtjänsten – ekonomiskt bistånd",
                        "sofia.lind@svalov.example", "070-174 06 12"),
                user("insatsledare", "Ingrid Persson", Role.PROGRAMME_LEAD, kommun, "Arbetsmarknadsenheten",
                        "ingrid.persson@svalov.example", "070-174 06 13"),
                user("af", "Anders Fransson", Role.CASE_WORKER, af, null,
                        "anders.fransson@arbetsformedlingen.example", "070-174 06 14"),
                user("fk", "Fatima Khan", Role.CASE_WORKER, fk, null,
                        "fatima.khan@forsakringskassan.example", "070-174 06 15"),
                user("vardcentral", "Vera Carlsson", Role.CASE_WORKER, region, "Vårdcentralen Svalöv",
                        "vera.carlsson@skane.example", "070-174 06 16"),
                user("forbund", "Fredrik Öberg", Role.FEDERATION_OFFICER, forbund, null, null, null),
                user("analytiker", "Amanda Lund", Role.ANALYST, forbund, null, null, null),
                user("granskare", "Gunnar Strand", Role.AUDITOR, kommun, null, null, null),
                user("demoadmin", "Diana Admin", Role.ADMIN, kommun, null, null, null));
        for (NewUser u : demoUsers) {
            organisationService.createDemoUser(u);
        }
        Actor lead = actors.byUsername("insatsledare");
        for (String programme : List.of("Framsteget ung", "Samordningsteamet", "Ungdomsteamet", "KAA-uppföljning")) {
            long id = enrolments.saveProgramme(lead, programme);
            // Framsteget's parts are the förbund's (seed 002); the KAA follow-up is the municipality's own
            if (!programme.startsWith("KAA")) {
                enrolments.setProgrammeFundedBy(lead, id, String.valueOf(forbund.id()));
            }
        }
        demoCatalogue.load(actors.byUsername("forbund"), kommun, region, af, forbund);
        demoFederation.load(actors.byUsername("forbund"), kommun, region, af, fk, LocalDate.now(clock));
        Actor kaa = actors.byUsername("kaa");
        Actor afActor = actors.byUsername("af");
        var random = new Random(seed);
        LocalDate today = LocalDate.now(clock);
        List<String> numbers = youngTestNumbers(today);
        int registered = 0;
        var persons = new ArrayList<DemoYear.Person>();
        var ids = new ArrayList<java.util.UUID>();
        var kaaList = new StringBuilder("personnummer;förnamn;efternamn;situation;skola;skolkommun;program\n");
        String[] situations = { "avbrutit nationellt program", "studiebevis", "aldrig påbörjat",
            "avbrutit introduktionsprogram" };
        for (int i = 0; registered < DEMO_PERSONS && i < numbers.size(); i++) {
            Actor owner = registered % 10 == 9 ? afActor : kaa;
            YoungPerson p = registry.register(owner, person(numbers.get(i), registered, random, today));
            boolean inKaa = owner == kaa && p.birthDate() != null
                    && p.birthDate().plusYears(20).isAfter(today.plusMonths(1));
            persons.add(new DemoYear.Person(registered, p.birthDate(), inKaa, p.protectedIdentity(), owner == afActor,
                    owner == kaa && registered % 7 == 0));
            ids.add(p.id());
            if (inKaa) {
                kaaList.append(p.personalIdentityNumber().value()).append(';').append(p.firstName()).append(';')
                        .append(p.lastName()).append(';').append(situations[registered % situations.length])
                        .append(registered % 3 == 0 ? ";Söderslättsgymnasiet;1283;EL\n" : ";Svalövs gymnasium;1214;BA\n");
            }
            if (owner == kaa && registered % 7 == 0) {
                // with the year, each consent lasts as long as its own (the year renews it as it runs out), so
                // that they do not all end on one day
                consents.record(kaa, p.id(), kommun.id(), new NewConsent(null, af.id(), ConsentPurpose.SAMORDNING,
                        List.of(ConsentScope.GRUNDUPPGIFTER, ConsentScope.PLAN), GivenHow.SKRIFTLIGT,
                        today, year ? DemoYear.firstConsentEnds(seed, registered, today) : today.plusYears(1)));
            }
            registered++;
        }
        // the KAA register is filled the way a coordinator fills it: by importing the schools' list
        var preview = kaaImports.upload(kaa, "demo-kaa-lista.csv",
                kaaList.toString().getBytes(StandardCharsets.UTF_8), java.util.Locale.forLanguageTag("sv"));
        kaaImports.confirm(kaa, preview.importId(), preview.digest(), java.util.Map.of(),
                java.util.Locale.forLanguageTag("sv"));
        registry.register(kaa, new PersonInput(true, null, null, "2008", null, null, "ANNAT", "1214", false, null,
                null, null, null, false, null, null));
        registry.register(kaa, new PersonInput(false, null, "2007-05-14", null, "Dawit", "Tesfaye", "MAN", "1214",
                false, new Address("Bygatan 4", "268 31", "Svalöv"), "070-123 45 67", null, "tigrinja", true, null,
                null));
        log.info("""

                ==== Lots demo data loaded: {} young persons in the Svalöv demo area ====
                Demo users (password for all: {}):
                  kaa (KAA-samordnare, Svalövs kommun)     coach (handläggare, AME)
                  socialsekreterare (handläggare, ekonomiskt bistånd)   insatsledare (insatsledare)
                  af (Arbetsförmedlingen)   fk (Försäkringskassan)   vardcentral (Region Skåne)
                  forbund (förbundstjänsteperson)   analytiker (analytiker)   granskare (granskare)
                  demoadmin (administratör)
                Set LOTS_DEMO=false for a production start without demo data.
                ===================================================================""",
                registered + 2, DEMO_PASSWORD);
        var byUser = new java.util.LinkedHashMap<String, Organisation>();
        for (String username : List.of("kaa", "coach", "socialsekreterare", "insatsledare")) {
            byUser.put(username, kommun);
        }
        byUser.put("af", af);
        byUser.put("fk", fk);
        byUser.put("vardcentral", region);
        byUser.put("forbund", forbund);
        return new Demo(persons, ids, byUser);
    }

    private void boundary(Organisation organisation, String unitName, String committee, LineOfWork line) {
        long unitId = organisations.units(organisation.id()).stream().filter(u -> u.name().equals(unitName))
                .map(OrganisationUnit::id).findFirst().orElseThrow();
        organisationService.setUnitBoundary(unitId, committee, line);
    }

    private NewUser user(String username, String name, Role role, Organisation organisation, String unitName,
            String email, String phone) {
        Long unitId = unitName == null ? null : organisations.units(organisation.id()).stream()
                .filter(u -> u.name().equals(unitName)).map(OrganisationUnit::id).findFirst().orElseThrow();
        return new NewUser(username, DEMO_PASSWORD, name, role, organisation.id(), unitId, email, phone);
    }

    private static PersonInput person(String number, int n, Random random, LocalDate today) {
        var pin = PersonalIdentityNumber.parse(number, today);
        boolean woman = pin.legalGender() == se.lots.registry.LegalGender.FEMALE;
        String first = (woman ? WOMEN : MEN)[random.nextInt(20)];
        String last = SURNAMES[random.nextInt(SURNAMES.length)];
        String gender = n % 25 == 3 ? "ANNAT" : n % 31 == 5 ? "VILL_EJ_UPPGE" : woman ? "KVINNA" : "MAN";
        boolean protectedIdentity = n % 20 == 11;
        String[] postal = POSTAL[random.nextInt(POSTAL.length)];
        Address address = protectedIdentity ? null
                : new Address(STREETS[random.nextInt(STREETS.length)] + " " + (1 + random.nextInt(40)), postal[0],
                        postal[1]);
        boolean minor = pin.ageOn(today) < 18;
        Guardian guardian = minor ? new Guardian("Vårdnadshavare " + last, fictionalPhone(random), null) : null;
        return new PersonInput(false, pin.formatted(), null, null, first, last, gender, "1214", protectedIdentity,
                address, fictionalPhone(random),
                first.toLowerCase(java.util.Locale.ROOT).replace('å', 'a').replace('ä', 'a').replace('ö', 'o')
                        + "." + n + "@example.se",
                n % 9 == 4 ? "arabiska" : "svenska", n % 18 == 4, guardian, null);
    }

    // PTS reserves 070-1740605 to 070-1740699 for fiction: no real person is called
    private static String fictionalPhone(Random random) {
        return String.format("070-17406%02d", 5 + random.nextInt(95));
    }

    /** Skatteverket's test numbers of people aged 16–29 today: the KAA and UVAS age range. */
    static List<String> youngTestNumbers(LocalDate today) throws IOException {
        var result = new ArrayList<String>();
        int thisYear = today.getYear();
        try (var reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("reference/testpersonnummer.csv").getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().skip(1).map(String::trim).filter(s -> s.length() == 12).forEach(s -> {
                int year = Integer.parseInt(s.substring(0, 4));
                if (year >= thisYear - 29 && year <= thisYear - 16) {
                    result.add(s);
                }
            });
        }
        // spread over the birth years instead of taking the oldest first
        java.util.Collections.shuffle(result, new Random(29));
        return result;
    }
}
