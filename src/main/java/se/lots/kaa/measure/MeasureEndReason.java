package se.lots.kaa.measure;

/** Why a measure ended. */
public enum MeasureEndReason {
    FULLFOLJD, AVBRUTEN_AV_UNGDOMEN, AVBRUTEN_AV_ANORDNAREN, UTSKRIVEN_UR_KAA, ANNAN
}
