package se.lots.kaa.earlywarning;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lots.kaa.absence-threshold-percent}: absence over a reported period at or above this share is problematic
 * (default 15, as in many municipalities' own routines; Skolverket names no figure).
 */
@ConfigurationProperties("lots.kaa")
public record EarlyWarningSettings(BigDecimal absenceThresholdPercent) {

    public EarlyWarningSettings {
        absenceThresholdPercent = absenceThresholdPercent == null ? new BigDecimal("15") : absenceThresholdPercent;
    }
}
