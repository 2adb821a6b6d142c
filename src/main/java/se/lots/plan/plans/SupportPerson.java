package se.lots.plan.plans;

public record SupportPerson(long id, String name, SupportRole role, String phone) {
}
