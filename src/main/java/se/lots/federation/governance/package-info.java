/**
 * The förbund's governance meetings: the board (styrelse), the council (beredningsgrupp, utvecklingsråd) and the
 * steering group (operativ ledningsgrupp), with participants by organisation, agenda items linked to applications and
 * programmes, the council's statements, the minutes (PDF) and the board's decisions on applications.
 */
package se.lots.federation.governance;
