package se.lots;

import java.time.Clock;
import java.time.ZoneId;
import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LotsApplication {

    public static final String SWEDISH_TIME = "Europe/Stockholm";

    public static void main(String[] args) {
        // Times of day on pages, PDFs and exports are written (#temporals, java.time) in the JVM's zone: making it
        // Swedish once, before anything starts, covers every place and every one to come, where converting in each
        // template would miss the next one. Stored instants (timestamptz) keep their meaning; PostgreSQL sessions
        // get TimeZone Europe/Stockholm from the driver, so a timestamptz cast to a date is a Swedish day.
        TimeZone.setDefault(TimeZone.getTimeZone(SWEDISH_TIME));
        SpringApplication.run(LotsApplication.class, args);
    }

    // every "today" Lots decides is a Swedish day, whatever zone the server runs in (often UTC)
    @Bean
    Clock clock() {
        return Clock.system(ZoneId.of(SWEDISH_TIME));
    }
}
