/**
 * The förbund's money: a programme's budget per year and funder, the board's grants (booked from
 * {@link se.lots.federation.GrantDecided}), what was paid out, used per quarter (entered or imported) and returned,
 * the förbund's annual budget against what is decided, and the warnings when a programme's use runs ahead of its grant
 * or of its payments. {@link se.lots.federation.money.MoneyService} is the feature's one door.
 */
package se.lots.federation.money;
