package se.lots.plan.plans;

/** Who is responsible for a step, as Skolverket's advice on KAA documentation asks: the young person, the municipality or another actor. */
public enum ResponsibleParty {
    UNGDOMEN, KOMMUNEN, ANNAN_AKTOR
}
