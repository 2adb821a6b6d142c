package se.lots.kaa.register;

/** Where a young person placed in another municipality lives: HVB (hem för vård eller boende), familjehem, other. */
public enum PlacementKind {
    HVB, FAMILJEHEM, ANNAT
}
