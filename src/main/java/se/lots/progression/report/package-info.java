/**
 * The funder's report and the programme goals: the report's SQL, the kept goal measures, goals, the PDF and xlsx, the
 * charts and the pages, and Uppföljning Finsam.
 */
package se.lots.progression.report;
