package se.lots.web.internal;

import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import se.lots.shared.InvalidInputException;
import se.lots.shared.NotFoundException;
import se.lots.shared.VersionRequiredException;

/** Pages get a Swedish error page, never a stack trace. */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(PageErrorHandler.class);

    private final MessageSource messages;

    PageErrorHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler({ NotFoundException.class, NoResourceFoundException.class,
        org.springframework.web.servlet.NoHandlerFoundException.class })
    ModelAndView notFound(Exception e) {
        return page(HttpStatus.NOT_FOUND, "error.notFound");
    }

    /** A wrong id in the path is a page that does not exist; a wrong query parameter is named. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView mismatch(MethodArgumentTypeMismatchException e, Locale locale) {
        if (e.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return notFound(e);
        }
        return invalid(new InvalidInputException(e.getName(), "validation.invalidParameter", e.getName()), locale);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ModelAndView methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return page(HttpStatus.METHOD_NOT_ALLOWED, "error.badRequest");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView badRequest(MissingServletRequestParameterException e) {
        return page(HttpStatus.BAD_REQUEST, "error.badRequest");
    }

    /** Input refused before any form could show it (a control character in a parameter): named on a 400 page. */
    @ExceptionHandler(InvalidInputException.class)
    ModelAndView invalid(InvalidInputException e, Locale locale) {
        var mav = page(HttpStatus.BAD_REQUEST, "error.badRequest");
        mav.addObject("details", List.copyOf(e.texts(messages, locale).values()));
        return mav;
    }

    /**
     * A form posted without the version it was loaded with (Lots' forms always send it): saving it could overwrite
     * what someone else saved since, so nothing is saved. One place for every page update of shared data.
     */
    @ExceptionHandler(VersionRequiredException.class)
    ModelAndView versionRequired(VersionRequiredException e) {
        return page(HttpStatus.PRECONDITION_REQUIRED, "error.pageVersionRequired");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden(AccessDeniedException e) {
        return page(HttpStatus.FORBIDDEN, "access.denied.generic");
    }

    /**
     * Lots' own fault: the page says so (not the user's), and gives a short error code that is also in the log with
     * the stack trace, so that support can find this very error from what the user reads out.
     */
    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) {
        String code = errorCode();
        log.error("Unexpected error on page, error code {}", code, e);
        var mav = page(HttpStatus.INTERNAL_SERVER_ERROR, "error.unexpected");
        mav.addObject("errorCode", code);
        return mav;
    }

    /** The error page: a heading by status (403 is not 500), the message, and what the user can do next. */
    static ModelAndView page(HttpStatus status, String messageKey) {
        var mav = new ModelAndView("error");
        mav.setStatus(status);
        mav.addObject("messageKey", messageKey);
        mav.addObject("status", status.value());
        return mav;
    }

    /** Eight characters a user can read out on the phone (no 0/O, 1/I/L). */
    static String errorCode() {
        String alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
        var random = java.util.concurrent.ThreadLocalRandom.current();
        var code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            code.append(alphabet.charAt(random.nextInt(alphabet.length())));
            if (i == 3) {
                code.append('-');
            }
        }
        return code.toString();
    }
}
