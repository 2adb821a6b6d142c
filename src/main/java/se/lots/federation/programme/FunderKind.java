package se.lots.federation.programme;

/** Who finances a programme: the förbund, one of the parties on its own, state grants, the ESF or another funder. */
public enum FunderKind {
    FORBUND, KOMMUN, REGION, ARBETSFORMEDLINGEN, FORSAKRINGSKASSAN, STATSBIDRAG, ESF, ANNAN
}
