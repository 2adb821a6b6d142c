/** KAA measures (åtgärder) offered to a young person in the register, and their categories. */
@org.springframework.modulith.NamedInterface("measure") // its services, for the demo
package se.lots.kaa.measure;
