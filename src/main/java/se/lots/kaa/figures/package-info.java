/** The half-year KAA figures, the SCB file and the trend of the not-known share. */
package se.lots.kaa.figures;
