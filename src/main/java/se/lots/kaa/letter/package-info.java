/** KAA letters: templates with merge fields and their versions, senders, batches sent as one PDF. */
@org.springframework.modulith.NamedInterface("letter") // its services, for the demo
package se.lots.kaa.letter;
