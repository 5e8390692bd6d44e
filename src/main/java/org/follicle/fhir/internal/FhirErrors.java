package org.follicle.fhir.internal;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.follicle.security.AuditAction;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditOutcome;
import org.follicle.security.AuditRecord;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.InvalidFieldsException;
import org.follicle.system.Languages;
import org.follicle.system.PreconditionRequiredException;
import org.follicle.system.RecordNotFoundException;
import org.follicle.system.StaleRecordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Follicle's refusals as FHIR answers (an OperationOutcome with the status the JSON API gives), in the caller's
 * language; nothing internal (a stack trace, SQL, a class name) reaches the client.
 */
@Component
@Interceptor
class FhirErrors {

    private static final Logger log = LoggerFactory.getLogger(FhirErrors.class);

    /** The largest request body, in MB: the largest photo the chart takes (30 MB) as base64, and its Media. */
    static final int LARGEST_BODY_MB = 42;

    private final MessageSource messages;

    private final AuditLog audit;

    FhirErrors(MessageSource messages, AuditLog audit) {
        this.messages = messages;
        this.audit = audit;
    }

    /**
     * A body larger than the largest photo Follicle takes (its image as base64 in a Media) is refused before HAPI
     * reads it.
     */
    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
    public boolean refuseTooLarge(HttpServletRequest request) {
        if (request.getContentLengthLong() > LARGEST_BODY_MB * 1024L * 1024L) {
            throw new PayloadTooLargeException(messages.getMessage("fhir.request.tooLarge",
                    new Object[] { LARGEST_BODY_MB }, locale(request)));
        }
        return true;
    }

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException translate(Throwable thrown, HttpServletRequest request) {
        Throwable e = ours(thrown);
        Locale locale = locale(request);
        if (e instanceof RecordNotFoundException) {
            return new ResourceNotFoundException(text("problem.notFound", locale));
        }
        if (e instanceof StaleRecordException) {
            return new PreconditionFailedException(text("problem.stale", locale));
        }
        if (e instanceof PreconditionRequiredException) {
            return new PreconditionRequired(text("problem.ifMatchRequired", locale));
        }
        if (e instanceof InvalidFieldsException invalid) {
            // Each field by its path in the record, with what is wrong with it.
            StringBuilder text = new StringBuilder(text(invalid.messageKey(), locale));
            invalid.fields().forEach((field, key) -> text.append(' ').append(field).append(": ")
                    .append(text(key, locale)).append('.'));
            return new UnprocessableEntityException(text.toString());
        }
        if (e instanceof BusinessRuleException rule) {
            return new UnprocessableEntityException(messages.getMessage(rule.messageKey(), rule.arguments(),
                    rule.messageKey(), locale));
        }
        if (e instanceof AccessDeniedException) {
            audit.record(new AuditRecord(AuditAction.ACCESS_DENIED, "url", null, null, AuditOutcome.DENIED,
                    request.getMethod() + " " + request.getRequestURI()));
            return new ForbiddenOperationException(text("problem.forbidden", locale));
        }
        if (e instanceof BaseServerResponseException answer) {
            // The providers' own answers carry a message key, said here in the caller's language.
            String said = answer.getMessage() == null ? null
                    : messages.getMessage(answer.getMessage(), null, null, locale);
            if (said != null) {
                return BaseServerResponseException.newInstance(answer.getStatusCode(), said);
            }
            if (!(answer instanceof InternalErrorException)) {
                return answer;
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        log.error("Unexpected {} in the FHIR API at {}", root.getClass().getName(),
                root.getStackTrace().length > 0 ? root.getStackTrace()[0] : "?");
        log.debug("Unexpected FHIR API error", e);
        return new InternalErrorException(text("problem.serverError", locale));
    }

    /** HAPI wraps what a provider throws (and reflection wraps it again); the first of ours says what happened. */
    private static Throwable ours(Throwable thrown) {
        for (Throwable e = thrown; e != null; e = e.getCause()) {
            if (e instanceof RecordNotFoundException || e instanceof StaleRecordException
                    || e instanceof PreconditionRequiredException || e instanceof BusinessRuleException
                    || e instanceof InvalidFieldsException
                    || e instanceof AccessDeniedException
                    || e instanceof BaseServerResponseException && !(e instanceof InternalErrorException)) {
                return e;
            }
        }
        return thrown;
    }

    /** The first of the caller's Accept-Language that Follicle speaks, else English. */
    static Locale locale(HttpServletRequest request) {
        if (request != null) {
            for (Locale wanted : java.util.Collections.list(request.getLocales())) {
                Locale spoken = Languages.supported(wanted.toLanguageTag());
                if (spoken != null) {
                    return spoken;
                }
            }
        }
        return Locale.ENGLISH;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    /** 428: a write that must say which version it changes did not. */
    static final class PreconditionRequired extends BaseServerResponseException {

        private static final long serialVersionUID = 1L;

        PreconditionRequired(String message) {
            super(428, message);
        }
    }
}
