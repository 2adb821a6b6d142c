package se.lots.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.organisation.OrganisationId;

/**
 * Every table that holds data about a young person is some register's ({@link PersonalDataHolder#tables()}), so that
 * the register extract cannot forget a new table, and every register's tables are cleared by its eraser
 * ({@link PersonalDataEraser}), so that the erasure cannot either. A table holds data about a person when
 * it is the registry's, has a column naming a person (person_id, participant_id) or refers by foreign key to a table
 * that does — read from the database's own catalogue, as the migrations left it.
 */
@IntegrationTest
class PersonalDataCoverageIntegrationTest {

    /** Tables that refer to a person but are deliberately no register of their own, each with the reason. */
    static final Map<String, String> EXCEPTIONS = Map.of(
            "follow_up_unit", "progression's read model of plan's enrolments and the registry's persons (ADR 3): "
                    + "the plan and registry sections hold what it is built from",
            "follow_up_contact_change", "the read model's log of contacts, kept from plan's journey events (in the "
                    + "plan section)");

    /**
     * Registers that no {@link PersonalDataEraser} clears, each with the reason: they go by their own way once the
     * erasers have removed the rest.
     */
    static final Map<String, String> NOT_ERASED = Map.of(
            "registry", "the person itself: DataSubjects.forget removes the record once no register still holds "
                    + "anything on them (PersonalDataEraser.stillHeld)",
            "audit", "the log of who read or changed what: AuditLog.forgetPerson makes a forgotten person "
                    + "unidentifiable in it, AuditLog.removeEntriesOlderThan is its own retention (ADR 0010)");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    List<PersonalDataHolder> holders;
    @Autowired
    List<PersonalDataEraser> erasers;

    @Test
    void everyTableThatRefersToAPersonIsInSomeRegister() {
        Set<String> covered = new TreeSet<>();
        holders.forEach(h -> covered.addAll(h.tables()));
        Set<String> missing = new TreeSet<>(personTables());
        missing.removeAll(covered);
        missing.removeAll(EXCEPTIONS.keySet());
        assertThat(missing).as("tables of personal data in no PersonalDataHolder's tables()").isEmpty();
    }

    @Test
    void theRegistersAndTheExceptionsNameTablesThatExistAndReferToAPerson() {
        Set<String> personTables = personTables();
        Set<String> named = new TreeSet<>(EXCEPTIONS.keySet());
        holders.forEach(h -> named.addAll(h.tables()));
        assertThat(personTables).as("a register or an exception names a table that is gone").containsAll(named);
        assertThat(personTables).contains("young_person", "kaa_episode", "plan_step", "registration",
                "audit_entry", "appointment_reminder", "privacy_extract_request");
    }

    /**
     * The erasure half: every register but the registry and the audit log has exactly one eraser, and what the eraser
     * removes is exactly the register's tables — the tables of its count ({@link RetentionCount#rowsByTable()} names
     * each of the register's tables, none left out when nothing is due), asked for a person nobody holds.
     */
    @Test
    void everyRegisterHasExactlyOneEraserAndItClearsExactlyTheRegistersTables() {
        OrganisationId organisation = new OrganisationId(jdbc.sql("SELECT min(id) FROM organisation_directory")
                .query(Long.class).single());
        UUID nobody = UUID.randomUUID();
        List<String> wrong = new ArrayList<>();
        for (PersonalDataHolder holder : holders) {
            if (NOT_ERASED.containsKey(holder.register())) {
                continue;
            }
            var own = erasers.stream().filter(e -> e.register().equals(holder.register())).toList();
            if (own.size() != 1) {
                wrong.add(holder.register() + ": " + own.size() + " erasers");
                continue;
            }
            Set<String> removed = own.get(0).countPerson(organisation, nobody).rowsByTable().keySet();
            if (!removed.equals(holder.tables())) {
                wrong.add(holder.register() + ": the eraser removes " + new TreeSet<>(removed) + ", the register holds "
                        + new TreeSet<>(holder.tables()));
            }
        }
        erasers.stream().filter(e -> holders.stream().noneMatch(h -> h.register().equals(e.register())))
                .forEach(e -> wrong.add(e.register() + ": an eraser of no register"));
        assertThat(wrong).as("every register but %s is erased by exactly one PersonalDataEraser over exactly its "
                + "tables", NOT_ERASED.keySet()).isEmpty();
        assertThat(erasers.stream().map(PersonalDataEraser::register)).contains("kaa", "consent", "appointment",
                "privacy");
    }

    @Test
    void eachRegisterHasItsOwnCodeAndName() {
        assertThat(holders.stream().map(PersonalDataHolder::register).toList()).doesNotHaveDuplicates()
                .contains("registry", "kaa", "plan", "progression", "consent", "appointment", "audit", "privacy");
    }

    private Set<String> personTables() {
        return personTables(jdbc);
    }

    /**
     * young_person, the tables with a person column, and (repeatedly) the tables referring to one of those; also the
     * erasure's end-to-end test's list of where a person could be left.
     */
    static Set<String> personTables(JdbcClient jdbc) {
        Set<String> tables = new TreeSet<>(jdbc.sql("""
                SELECT c.table_name FROM information_schema.columns c
                  JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                 WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
                   AND c.column_name IN ('person_id', 'participant_id', 'young_person_id')""")
                .query(String.class).list());
        tables.add("young_person");
        List<String[]> references = jdbc.sql("""
                SELECT child.relname AS child, parent.relname AS parent
                  FROM pg_constraint k JOIN pg_class child ON child.oid = k.conrelid
                  JOIN pg_class parent ON parent.oid = k.confrelid
                 WHERE k.contype = 'f' AND child.relnamespace = 'public'::regnamespace""")
                .query((rs, n) -> new String[] { rs.getString("child"), rs.getString("parent") }).list();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (String[] r : references) {
                if (tables.contains(r[1]) && tables.add(r[0])) {
                    grew = true;
                }
            }
        }
        return tables;
    }
}
