package se.lots.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.organisation.OrganisationId;

/**
 * Staff see what an erasure or a retention run removes by readable names, never by a table's name: every table any
 * {@link PersonalDataEraser} counts ({@link RetentionCount#rowsByTable()}, the register's
 * {@link PersonalDataHolder#tables()}) has its "privacy.table." key in both bundles, and so has its register
 * ("privacy.register."), so that a new table cannot reach the erasure's preview and case pages or the retention
 * job's dry run and run pages as a raw name. The registry's young_person is on the list too: an erasure case shows it
 * when the person is forgotten.
 */
@IntegrationTest
class PersonalDataTableNamesIntegrationTest {

    private static final List<String> BUNDLES = List.of("messages.properties", "messages_en.properties");
    private static final List<Locale> LOCALES = List.of(Locale.forLanguageTag("sv"), Locale.ENGLISH);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    List<PersonalDataEraser> erasers;
    @Autowired
    List<PersonalDataHolder> holders;
    @Autowired
    MessageSource messages;

    @Test
    void everyTableOfEveryEraserAndItsRegisterHaveAReadableNameInBothLanguages() throws IOException {
        Map<String, String> keys = new TreeMap<>();
        tablesShown().forEach(t -> keys.put("privacy.table." + t, t));
        erasers.forEach(e -> keys.put("privacy.register." + e.register(), e.register()));
        assertThat(keys).containsKeys("privacy.table.kaa_episode", "privacy.table.plan_step",
                "privacy.table.appointment_reminder", "privacy.table.privacy_extract_review",
                "privacy.table.young_person", "privacy.register.kaa");

        List<String> missing = new ArrayList<>();
        for (String bundle : BUNDLES) {
            Properties texts = bundle(bundle);
            keys.forEach((key, raw) -> {
                String text = texts.getProperty(key);
                if (text == null || text.isBlank() || text.strip().equals(raw)) {
                    missing.add(bundle + ": " + key);
                }
            });
        }
        for (Locale locale : LOCALES) {
            keys.forEach((key, raw) -> {
                try {
                    String text = messages.getMessage(key, null, locale);
                    if (text.isBlank() || text.equals(raw) || text.equals(key)) {
                        missing.add(locale + ": " + key + " = " + text);
                    }
                } catch (NoSuchMessageException e) {
                    missing.add(locale + ": " + key + " does not resolve");
                }
            });
        }
        assertThat(missing).as("tables and registers an eraser counts without a readable name").isEmpty();
    }

    @Test
    void eachLanguageGetsItsOwnBundlesName() {
        assertThat(messages.getMessage("privacy.table.kaa_episode", null, Locale.forLanguageTag("sv")))
                .isEqualTo("Period i aktivitetsansvaret");
        assertThat(messages.getMessage("privacy.table.kaa_episode", null, Locale.ENGLISH))
                .isEqualTo("Period in the activity responsibility");
    }

    /** The tables of every eraser's count (asked for a person nobody holds) and of its register, and young_person. */
    private Set<String> tablesShown() {
        OrganisationId organisation = new OrganisationId(jdbc.sql("SELECT min(id) FROM organisation_directory")
                .query(Long.class).single());
        UUID nobody = UUID.randomUUID();
        Set<String> tables = new TreeSet<>();
        for (PersonalDataEraser eraser : erasers) {
            tables.addAll(eraser.countPerson(organisation, nobody).rowsByTable().keySet());
            holders.stream().filter(h -> h.register().equals(eraser.register()))
                    .forEach(h -> tables.addAll(h.tables()));
        }
        holders.stream().filter(h -> h.register().equals("registry")).forEach(h -> tables.addAll(h.tables()));
        return tables;
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = PersonalDataTableNamesIntegrationTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
