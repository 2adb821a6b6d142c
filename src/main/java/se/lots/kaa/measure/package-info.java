/** KAA measures (åtgärder) offered to a young person in the register, and their categories. */
package se.lots.kaa.measure;
