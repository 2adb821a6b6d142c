package se.lots.web.internal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of every API error: {"errors":[{"field":…, "message":…}]}, messages in Swedish. A 409 for a stale
 * version also carries {@code current}: the resource as saved now, to compare with what the client sent.
 */
public record ApiError(List<Item> errors, Object existingId,
        @JsonInclude(JsonInclude.Include.NON_NULL) Object current) {

    public ApiError(List<Item> errors, Object existingId) {
        this(errors, existingId, null);
    }

    public record Item(String field, String message) {
    }
}
