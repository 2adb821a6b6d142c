package se.lots.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import se.lots.IntegrationTest;
import se.lots.kaa.KaaFixture;
import se.lots.organisation.OrganisationId;
import se.lots.privacy.retention.RetentionDefaults;
import se.lots.registry.RegistryService;
import se.lots.security.Actor;

/**
 * The contract of {@link PersonalDataEraser} (its Javadoc), checked once for every eraser bean on the same generated
 * data: a new municipality holds two persons with closed records from early 2025 in every register (Ada also with a
 * participation, which keeps her plan part while progression follows it: Bo's goes), and each register's default rule
 * is applied in 2100, when all of it is due. For each eraser: the dry run and the archive change nothing; the count,
 * the archive and the removal agree table by table and row by row, children before parents, and a removal rolled back
 * leaves every table as it was; after the removal the register no longer holds the removed persons; a removal outside
 * the caller's transaction and a rule of another register, kind or event are refused; one person's erasure removes
 * what its preview counted; and the counts name exactly the register's tables. What only one register knows (who is
 * due, what stays, which table a lock stops at) is in that eraser's own test.
 */
@IntegrationTest
class PersonalDataEraserContractIntegrationTest {

    private static final LocalDate TODAY = LocalDate.of(2100, 1, 1);

    @Autowired
    List<PersonalDataEraser> erasers;
    @Autowired
    List<PersonalDataHolder> holders;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    KaaFixture kaa;
    @Autowired
    RegistryService registry;

    @AfterEach
    void followUpUnitsInStep() {
        RegisterRecords.followUpUnitsInStep(jdbc);
    }

    /** The generated organisation and its two persons. */
    private record Generated(OrganisationId organisation, UUID ada, UUID bo) {

        Set<UUID> persons() {
            return Set.of(ada, bo);
        }
    }

    private Generated generate() {
        Actor coordinator = kaa.newMunicipality();
        Actor other = kaa.newMunicipality();
        UUID ada = registry.register(coordinator, aYoungPerson().named("Ada", "Kontraktsson").build()).id();
        UUID bo = registry.register(coordinator, aYoungPerson().named("Bo", "Kontraktsson").build()).id();
        for (UUID person : List.of(ada, bo)) {
            var ids = RegisterRecords.write(jdbc, coordinator, other, person, person.equals(ada));
            kaaRecords(coordinator, person);
            jdbc.sql("""
                    INSERT INTO appointment_reminder (appointment_id, recipient, channel, due_at, sent_at)
                    VALUES (?, 'UNG', 'SMS', '2025-01-31 18:00+01', '2025-01-31 18:00+01')""")
                    .param(ids.get("appointment")).update();
            jdbc.sql("""
                    INSERT INTO privacy_extract_review (request_id, register, disclose, withheld_reason)
                    VALUES (?, 'kaa', false, 'OSL 26 kap. 1 §')""").param(ids.get("privacy_extract_request")).update();
        }
        return new Generated(coordinator.organisationId(), ada, bo);
    }

    /** An episode closed on 2025-01-31 with a contact attempt, a measure and a school signal. */
    private void kaaRecords(Actor coordinator, UUID person) {
        long org = coordinator.organisationId().value();
        UUID episode = jdbc.sql("""
                INSERT INTO kaa_episode (person_id, organisation_id, registered_on, registration_reason, exited_on,
                                         exit_reason)
                VALUES (?, ?, '2024-09-01', 'AVBRUTIT_NATIONELLT_PROGRAM', '2025-01-31', 'FLYTTAT') RETURNING id""")
                .params(person, org).query(UUID.class).single();
        jdbc.sql("""
                INSERT INTO contact_attempt (person_id, organisation_id, channel, contacted_on, staff_user_id, outcome)
                VALUES (?, ?, 'TELEFON', '2024-09-04', ?, 'NADD')""")
                .params(person, org, kaa.caseWorkerOf(coordinator).userId()).update();
        jdbc.sql("""
                INSERT INTO kaa_measure (episode_id, person_id, organisation_id, category_code, responsible, offered_on)
                VALUES (?, ?, ?, 'SYV', 'KOMMUN', '2024-09-10')""").params(episode, person, org).update();
        jdbc.sql("""
                INSERT INTO school_signal (person_id, organisation_id, school, school_municipality, period_start,
                                           period_end, absence_percent)
                VALUES (?, ?, 'Testskolan', '1260', '2024-08-20', '2024-09-20', 40)""").params(person, org).update();
    }

    @TestFactory
    Stream<DynamicNode> everyEraserKeepsTheContractOfPersonalDataEraser() {
        Generated generated = generate();
        assertThat(erasers).extracting(PersonalDataEraser::register).contains("kaa", "plan", "progression", "consent",
                "appointment", "privacy");
        return erasers.stream().flatMap(eraser -> eraser.recordKinds().stream().map(kind -> {
            RetentionRule rule = RetentionDefaults.of(eraser.register(), kind).orElseThrow();
            Set<String> tables = holders.stream().filter(h -> h.register().equals(eraser.register())).findFirst()
                    .orElseThrow().tables();
            var check = new Check(eraser, rule, tables, generated);
            return dynamicContainer(eraser.register() + " (" + kind + ")", Stream.of(
                    dynamicTest("the dry run and the archive change nothing", check::dryRunAndArchiveChangeNothing),
                    dynamicTest("the count, the archive and the removal agree row for row, children before parents, "
                            + "and a rolled-back removal leaves every table as it was", check::countArchiveAndRemoval),
                    dynamicTest("a removal outside the caller's transaction is refused", check::removalNeedsATransaction),
                    dynamicTest("a rule of another register, kind or event is refused", check::othersRulesAreRefused),
                    dynamicTest("one person's erasure removes what its preview counted", check::erasureAsPreviewed),
                    dynamicTest("the counts name exactly the register's tables", check::countsNameTheRegistersTables)));
        }));
    }

    private final class Check {

        private final PersonalDataEraser eraser;
        private final RetentionRule rule;
        private final Set<String> tables;
        private final Generated generated;
        private final OrganisationId org;

        Check(PersonalDataEraser eraser, RetentionRule rule, Set<String> tables, Generated generated) {
            this.eraser = eraser;
            this.rule = rule;
            this.tables = tables;
            this.generated = generated;
            this.org = generated.organisation();
        }

        void dryRunAndArchiveChangeNothing() {
            var before = snapshot();
            RetentionCount counted = eraser.countDue(org, rule, TODAY);
            eraser.archiveDue(org, rule, TODAY, (table, json) -> {
            });
            assertThat(counted.persons()).as("the generated data is due in every register").isPositive();
            assertThat(counted.personIds()).as("a dry run names nobody").isEmpty();
            assertThat(snapshot()).isEqualTo(before);
        }

        void countArchiveAndRemoval() {
            RetentionCount counted = eraser.countDue(org, rule, TODAY);
            var before = snapshot();
            transactions.executeWithoutResult(tx -> {
                assertThat(eraser.stillHeld(generated.persons())).as("held before the removal").isNotEmpty();
                var archived = new ArrayList<String[]>();
                eraser.archiveDue(org, rule, TODAY, (table, json) -> archived.add(new String[] { table, json }));

                RetentionCount removed = eraser.removeDue(org, rule, TODAY);

                assertThat(removed.rowsByTable()).as("the removal is the dry run's promise")
                        .containsExactlyEntriesOf(counted.rowsByTable());
                assertThat(removed.persons()).isEqualTo(counted.persons()).isEqualTo(removed.personIds().size());
                assertThat(generated.persons()).as("only the organisation's own records")
                        .containsAll(removed.personIds());
                assertThat(archived.stream().collect(Collectors.groupingBy(a -> a[0], Collectors.counting())))
                        .as("the archive holds as many rows of each table as the removal removed")
                        .isEqualTo(nonZero(removed.rowsByTable()));
                assertThat(archived.stream().map(a -> a[0] + " " + a[1]).collect(Collectors.toSet()))
                        .as("the archive holds exactly the rows that went")
                        .isEqualTo(gone(before, snapshot()));
                assertThat(archived.stream().map(a -> a[0]).distinct().toList())
                        .as("children before parents, in the count's order")
                        .isEqualTo(removed.rowsByTable().keySet().stream()
                                .filter(t -> removed.rowsByTable().get(t) > 0).toList());
                assertThat(eraser.stillHeld(removed.personIds())).as("the removed persons are held no more").isEmpty();
                tx.setRollbackOnly();
            });
            assertThat(snapshot()).as("the rolled-back removal left every table as it was").isEqualTo(before);
        }

        void removalNeedsATransaction() {
            var before = snapshot();
            assertThatThrownBy(() -> eraser.removeDue(org, rule, TODAY))
                    .isInstanceOf(IllegalTransactionStateException.class);
            assertThatThrownBy(() -> eraser.erasePerson(org, generated.bo()))
                    .isInstanceOf(IllegalTransactionStateException.class);
            assertThat(snapshot()).isEqualTo(before);
        }

        void othersRulesAreRefused() {
            RetentionEvent otherEvent = Arrays.stream(RetentionEvent.values()).filter(e -> e != rule.countedFrom())
                    .findFirst().orElseThrow();
            for (var wrong : List.of(
                    new RetentionRule(eraser.register() + "-other", rule.recordKind(), 0, rule.countedFrom(), "t",
                            false),
                    new RetentionRule(eraser.register(), rule.recordKind() + "_OTHER", 0, rule.countedFrom(), "t",
                            false),
                    new RetentionRule(eraser.register(), rule.recordKind(), 0, otherEvent, "t", false))) {
                assertThatThrownBy(() -> eraser.countDue(org, wrong, TODAY)).as(wrong.toString())
                        .isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> eraser.archiveDue(org, wrong, TODAY, (table, json) -> {
                })).as(wrong.toString()).isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> eraser.removeDue(org, wrong, TODAY)))
                        .as(wrong.toString()).isInstanceOf(IllegalArgumentException.class);
            }
        }

        void erasureAsPreviewed() {
            // Bo: progression does not follow his enrolment, so the plan register may erase him
            RetentionCount preview = eraser.countPerson(org, generated.bo());
            var before = snapshot();
            transactions.executeWithoutResult(tx -> {
                RetentionCount erased = eraser.erasePerson(org, generated.bo());
                assertThat(erased.rowsByTable()).containsExactlyEntriesOf(preview.rowsByTable());
                assertThat(erased.persons()).isEqualTo(preview.persons());
                assertThat(erased.personIds()).isSubsetOf(generated.bo());
                assertThat(eraser.stillHeld(List.of(generated.bo()))).isEmpty();
                tx.setRollbackOnly();
            });
            assertThat(snapshot()).isEqualTo(before);
        }

        void countsNameTheRegistersTables() {
            assertThat(eraser.countDue(org, rule, TODAY).rowsByTable().keySet())
                    .as("a table added to the register's tables() must be removed too")
                    .containsExactlyInAnyOrderElementsOf(tables);
            assertThat(eraser.countPerson(org, generated.bo()).rowsByTable().keySet())
                    .containsExactlyInAnyOrderElementsOf(tables);
        }

        /** Every row of the register's tables (all organisations'), as JSON, by table. */
        private Map<String, Set<String>> snapshot() {
            var rows = new TreeMap<String, Set<String>>();
            for (String table : tables) {
                rows.put(table, new HashSet<>(jdbc.sql("SELECT row_to_json(t)::text FROM " + table + " t")
                        .query(String.class).list()));
            }
            return rows;
        }
    }

    /** The rows ("table json") in {@code before} and no longer in {@code after}. */
    private static Set<String> gone(Map<String, Set<String>> before, Map<String, Set<String>> after) {
        var gone = new TreeSet<String>();
        before.forEach((table, rows) -> rows.stream().filter(row -> !after.get(table).contains(row))
                .forEach(row -> gone.add(table + " " + row)));
        return gone;
    }

    private static Map<String, Long> nonZero(Map<String, Long> rowsByTable) {
        var result = new LinkedHashMap<String, Long>();
        rowsByTable.forEach((table, n) -> {
            if (n > 0) {
                result.put(table, n);
            }
        });
        return result;
    }
}
