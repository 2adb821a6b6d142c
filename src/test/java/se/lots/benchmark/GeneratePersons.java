package se.lots.benchmark;

import java.time.LocalDate;

import javax.sql.DataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.LotsApplication;
import se.lots.benchmark.PersonGenerator.Generated;
import se.lots.organisation.OrganisationService;

/**
 * Fills the database Lots is configured with (by default the embedded one in data/pg17, or LOTS_DB_URL) with
 * {@code lots.bench.persons} synthetic persons around the demo area, to try the application at registry scale.
 * Needs the demo data (LOTS_DEMO=true, the default); run it again to add more.
 */
public final class GeneratePersons {

    private GeneratePersons() {
    }

    public static void main(String[] args) {
        int persons = Integer.getInteger("lots.bench.persons", 250_000);
        long seed = Long.getLong("lots.bench.seed", System.nanoTime());
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LotsApplication.class)
                .properties("server.port=0", "logging.level.root=warn", "logging.level.org.springdoc=error")
                .run(args)) {
            DataSource owner = app.getBean("ownerDataSource", DataSource.class);
            JdbcClient sql = JdbcClient.create(owner);
            Generated generated = new PersonGenerator(app.getBean("dataSource", DataSource.class), seed,
                    LocalDate.now()).generate(persons, DemoArea.holders(app.getBean(OrganisationService.class), sql),
                            PersonGenerator.youngTestNumbers(LocalDate.now(), seed));
            PersonGenerator.vacuumAnalyze(owner);
            System.out.printf("Added %,d persons (%,d with a test personnummer) in %.1f s; young_person now has %,d.%n",
                    generated.persons().size(), generated.withPersonnummer(), generated.took().toMillis() / 1000.0,
                    sql.sql("SELECT count(*) FROM young_person").query(Long.class).single());
        }
    }
}
