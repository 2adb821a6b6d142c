/** KAA letters: templates with merge fields and their versions, senders, batches sent as one PDF. */
package se.lots.kaa.letter;
