package se.lots.plan.plans;

public enum StepStatus {
    PLANERAD, PAGAR, KLAR, AVBRUTEN;

    public boolean open() {
        return this == PLANERAD || this == PAGAR;
    }
}
