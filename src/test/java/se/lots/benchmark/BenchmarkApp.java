package se.lots.benchmark;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import se.lots.LotsApplication;

/**
 * Lots as the benchmarks run it: a throw-away embedded PostgreSQL with durable commits (as in production), the demo
 * data without its year of work (lots.demo-year=false: each benchmark generates its own data, and the year would add
 * 30–90 s to each start and data no benchmark counts on), the web layer on a free port (the security configuration
 * needs it; PORT, as application.yml's server.port comes from it and would win over a default server.port, so that
 * two benchmarks on one machine collided on 8080), quiet logs. These are defaults only: -Dlots.db.durable=false and the like on the command line win.
 */
final class BenchmarkApp {

    private BenchmarkApp() {
    }

    static ConfigurableApplicationContext start(String[] args) {
        return new SpringApplicationBuilder(LotsApplication.class)
                .properties("PORT=0", "lots.db.ephemeral=true", "lots.db.durable=true", "lots.demo=true",
                        "lots.demo-year=false", "lots.admin-password=", "logging.level.root=warn", "logging.level.se.lots=warn",
                        "logging.level.org.springdoc=error")
                .run(args);
    }
}
