/** The ladder towards work or study and the step movements recorded or derived on it. */
package se.lots.progression.ladder;
