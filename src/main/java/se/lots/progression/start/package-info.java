/** The start page's panel of enrolments without a start registration, and its full list. */
package se.lots.progression.start;
