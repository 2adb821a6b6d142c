package se.lots.plan;

public record SupportPerson(long id, String name, SupportRole role, String phone) {
}
