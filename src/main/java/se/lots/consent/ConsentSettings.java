package se.lots.consent;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code lots.emergency-access.duration}: how long a "break the glass" access lasts (default 3 hours). */
@ConfigurationProperties("lots.emergency-access")
public record ConsentSettings(Duration duration) {

    public ConsentSettings {
        if (duration == null) {
            duration = Duration.ofHours(3);
        }
    }
}
