package se.lots.plan;

public enum StepStatus {
    PLANERAD, PAGAR, KLAR, AVBRUTEN;

    public boolean open() {
        return this == PLANERAD || this == PAGAR;
    }
}
