package se.lots.web;

import java.util.List;

/** The body of every API error: {"errors":[{"field":…, "message":…}]}, messages in Swedish. */
public record ApiError(List<Item> errors, Object existingId) {

    public record Item(String field, String message) {
    }
}
