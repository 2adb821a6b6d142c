package se.lots.registry;

public record Guardian(String name, String phone, String email) {
}
