package se.lots.plan.meeting;

/** SIP (samordnad individuell plan), a multi-party meeting, a three-party talk, or a check-in meeting. */
public enum MeetingKind {
    SIP, FLERPARTSMOTE, TREPARTSSAMTAL, AVSTAMNINGSMOTE
}
