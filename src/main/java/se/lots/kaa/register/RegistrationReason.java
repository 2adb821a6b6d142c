package se.lots.kaa.register;

/** Why a young person entered the KAA target group. */
public enum RegistrationReason {
    AVBRUTIT_NATIONELLT_PROGRAM, SLUTAT_MED_STUDIEBEVIS, ALDRIG_PABORJAT, AVBRUTIT_INTRODUKTIONSPROGRAM, INFLYTTAD,
    OVRIGT;

    public static RegistrationReason of(SchoolSituation situation) {
        return switch (situation) {
            case NOT_STARTED -> ALDRIG_PABORJAT;
            case LEFT_NATIONAL_PROGRAMME -> AVBRUTIT_NATIONELLT_PROGRAM;
            case LEFT_INTRODUCTION_PROGRAMME -> AVBRUTIT_INTRODUKTIONSPROGRAM;
            case LEFT_WITH_CERTIFICATE -> SLUTAT_MED_STUDIEBEVIS;
            default -> OVRIGT;
        };
    }
}
