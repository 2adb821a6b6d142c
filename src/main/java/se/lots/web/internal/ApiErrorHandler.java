package se.lots.web.internal;

import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import tools.jackson.databind.DatabindException;

import se.lots.shared.ConflictException;
import se.lots.shared.FieldError;
import se.lots.shared.InvalidInputException;
import se.lots.shared.InvalidValueException;
import se.lots.shared.NotFoundException;
import se.lots.shared.TextInput;
import se.lots.shared.VersionRequiredException;

/** Every API error is JSON with a Swedish message; no stack trace ever reaches a client. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);
    private static final Locale SWEDISH = WebConfiguration.SWEDISH;

    private final MessageSource messages;

    ApiErrorHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ApiError> invalid(InvalidInputException e) {
        return ResponseEntity.badRequest().body(new ApiError(e.errors().stream().map(this::item).toList(), null));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ApiError> conflict(ConflictException e) {
        String message = messages.getMessage(e.messageKey(), new Object[] { e.existingId() }, SWEDISH);
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(new ApiError(List.of(new ApiError.Item(null, message)), e.existingId(), e.current()));
    }

    @ExceptionHandler(VersionRequiredException.class)
    ResponseEntity<ApiError> versionRequired(VersionRequiredException e) {
        return ResponseEntity.status(HttpStatus.PRECONDITION_REQUIRED).body(new ApiError(List.of(
                new ApiError.Item("version", messages.getMessage("error.versionRequired", null, SWEDISH))), null));
    }

    @ExceptionHandler({ NotFoundException.class, NoResourceFoundException.class,
        org.springframework.web.servlet.NoHandlerFoundException.class })
    ResponseEntity<ApiError> notFound(Exception e) {
        return error(HttpStatus.NOT_FOUND, "error.notFound");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> forbidden(AccessDeniedException e) {
        return error(HttpStatus.FORBIDDEN, "error.forbidden");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TextInputJson.UnsafeText unsafe) {
                return invalid(new InvalidInputException(List.of(TextInput.error(unsafe.field(), unsafe.codePoint()))));
            }
            // a value type refused the field's value ("municipalityCode": "12")
            if (t instanceof DatabindException d && d.getCause() instanceof InvalidValueException wrong) {
                return invalid(new InvalidInputException(TextInputJson.fieldOf(d), wrong.messageKey(),
                        wrong.arguments()));
            }
        }
        return error(HttpStatus.BAD_REQUEST, "error.badRequest");
    }

    /** {@code ?age=abc}, {@code ?page=two}: the parameter named, as a wrong field in a body is. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> mismatch(MethodArgumentTypeMismatchException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidValueException wrong) {
                return invalid(new InvalidInputException(e.getName(), wrong.messageKey(), wrong.arguments()));
            }
        }
        return invalid(new InvalidInputException(e.getName(), "validation.invalidValue"));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missing(MissingServletRequestParameterException e) {
        return invalid(new InvalidInputException(e.getParameterName(), "validation.required"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> badRequest(Exception e) {
        return error(HttpStatus.BAD_REQUEST, "error.badRequest");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return error(HttpStatus.METHOD_NOT_ALLOWED, "error.badRequest");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        log.error("Unexpected error in API", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "error.unexpected");
    }

    private ResponseEntity<ApiError> error(HttpStatus status, String key) {
        return ResponseEntity.status(status)
                .body(new ApiError(List.of(new ApiError.Item(null, messages.getMessage(key, null, SWEDISH))), null));
    }

    private ApiError.Item item(FieldError e) {
        return new ApiError.Item(e.field(), messages.getMessage(e.messageKey(), e.arguments(), SWEDISH));
    }
}
