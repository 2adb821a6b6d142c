package se.lots.federation.application;

import java.math.BigDecimal;

/** An amount in kronor for one budget year. */
public record YearAmount(int year, BigDecimal amount) {
}
