/**
 * Applications for the förbund's money (ansökningar) written by programme leads of its member organisations, the
 * officer's proposals (förslag till beslut) and the application's status, derived from what followed it.
 */
package se.lots.federation.application;
