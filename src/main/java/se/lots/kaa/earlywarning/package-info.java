/** Early warning: the schools' absence signals, their import, and the preventive worklist of problematic absence. */
package se.lots.kaa.earlywarning;
