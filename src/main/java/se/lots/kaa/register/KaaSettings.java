package se.lots.kaa.register;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lots.kaa.*}: {@code review-days} — a new status is to be checked again after this many days (default 30);
 * {@code attempts-without-reach} — the worklist's "not reached after N attempts" (default 3);
 * {@code days-without-attempt} — "no attempt for N days" (default 30).
 */
@ConfigurationProperties("lots.kaa")
public record KaaSettings(Integer reviewDays, Integer attemptsWithoutReach, Integer daysWithoutAttempt) {

    public KaaSettings {
        reviewDays = reviewDays == null ? 30 : reviewDays;
        attemptsWithoutReach = attemptsWithoutReach == null ? 3 : attemptsWithoutReach;
        daysWithoutAttempt = daysWithoutAttempt == null ? 30 : daysWithoutAttempt;
    }
}
