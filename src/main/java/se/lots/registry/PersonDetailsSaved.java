package se.lots.registry;

import java.util.UUID;

/**
 * A young person's details were changed and saved (by an edit or an imported list), published in the saving
 * transaction with the names as saved: modules that keep a name in a read model (the KAA worklist sorts by it)
 * update their copy.
 */
public record PersonDetailsSaved(UUID personId, String firstName, String lastName) {
}
