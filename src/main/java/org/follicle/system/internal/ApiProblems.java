package org.follicle.system.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.follicle.system.BusinessRuleException;
import org.follicle.system.InvalidFieldsException;
import org.follicle.system.PreconditionRequiredException;
import org.follicle.system.RecordNotFoundException;
import org.follicle.system.StaleRecordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.databind.DatabindException;

/**
 * RFC 9457 problem details for the JSON API, in the caller's language, with one entry per invalid field.
 * Nothing internal (stack traces, SQL, class names) reaches the client.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    private final MessageSource messages;

    ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(RecordNotFoundException.class)
    ProblemDetail notFound(RecordNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "problem.notFound");
    }

    @ExceptionHandler(StaleRecordException.class)
    ProblemDetail stale(StaleRecordException e) {
        return problem(HttpStatus.PRECONDITION_FAILED, "problem.stale");
    }

    @ExceptionHandler(PreconditionRequiredException.class)
    ProblemDetail preconditionRequired(PreconditionRequiredException e) {
        return problem(HttpStatus.PRECONDITION_REQUIRED, "problem.ifMatchRequired");
    }

    @ExceptionHandler(BusinessRuleException.class)
    ProblemDetail rule(BusinessRuleException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                text(e.messageKey(), e.arguments()));
        if (e.field() != null) {
            problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", problem.getDetail())));
        }
        return problem;
    }

    @ExceptionHandler(InvalidFieldsException.class)
    ProblemDetail invalidFields(InvalidFieldsException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, e.messageKey());
        problem.setProperty("errors", e.fields().entrySet().stream()
                .map(field -> Map.of("field", field.getKey(), "message", text(field.getValue()))).toList());
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.invalidParameter", e.getName());
        problem.setProperty("errors", List.of(Map.of("field", e.getName(),
                "message", text("problem.invalidParameter", e.getName()))));
        return problem;
    }

    @ExceptionHandler(AccessDeniedException.class)
    void denied(AccessDeniedException e) {
        // Spring Security's handler answers (and logs) it as 401 or 403.
        throw e;
    }

    /** A multipart body cut off or without its parts' boundary (a too large one is answered 413 by Spring). */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail multipart(MultipartException e) {
        return problem(HttpStatus.BAD_REQUEST, "problem.multipart");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (Overload.isOverload(e)) {
            log.warn("No database connection in time in the API: answered 503");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Overload.RETRY_AFTER_SECONDS)
                    .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "problem.busy"));
        }
        // The message may quote data (an SQL value, a name): log where it happened, not what it said.
        log.error("Unexpected {} in the API at {}", e.getClass().getName(),
                e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
        log.debug("Unexpected API error", e);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "problem.serverError"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.validation");
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.add(Map.of("field", error.getField(), "message", text(error)));
        }
        e.getBindingResult().getGlobalErrors()
                .forEach(error -> errors.add(Map.of("field", error.getObjectName(), "message", text(error))));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.validation");
        List<Map<String, String>> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error -> {
            String field = error instanceof FieldError fieldError ? fieldError.getField()
                    : result.getMethodParameter().getParameterName();
            errors.add(Map.of("field", String.valueOf(field), "message", text(error)));
        }));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        boolean nul = e.getCause() instanceof UnreadableInput.NulCharacter;
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, nul ? "problem.nulCharacter" : "problem.unreadable");
        if (e.getCause() instanceof DatabindException mismatch && !mismatch.getPath().isEmpty()) {
            // Name the field, so that an integrator sees which value (an unknown code, a malformed date) is wrong.
            StringBuilder field = new StringBuilder();
            for (var reference : mismatch.getPath()) {
                if (reference.getPropertyName() != null) {
                    field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
                }
                else if (reference.getIndex() >= 0) {
                    field.append('[').append(reference.getIndex()).append(']');
                }
            }
            problem.setProperty("errors", List.of(Map.of("field", field.toString(),
                    "message", text(nul ? "problem.nulCharacter" : "problem.invalidValue"))));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        // Spring's own MVC exceptions (405, 406, 415, missing parameter...): keep the status, say it plainly.
        if (body instanceof ProblemDetail problem) {
            problem.setDetail(text(switch (status.value()) {
                case 404 -> "problem.notFound";
                case 405 -> "problem.methodNotAllowed";
                case 413 -> "problem.tooLarge";
                case 415 -> "problem.unsupportedMediaType";
                case 406 -> "problem.notAcceptable";
                default -> status.is5xxServerError() ? "problem.serverError" : "problem.badRequest";
            }));
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    private ProblemDetail problem(HttpStatus status, String key, Object... args) {
        return ProblemDetail.forStatusAndDetail(status, text(key, args));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, locale());
    }

    private String text(MessageSourceResolvable error) {
        return messages.getMessage(error, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
