package org.follicle.system.internal;

import jakarta.servlet.http.HttpServletResponse;

import org.follicle.system.RecordNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.web.ErrorResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A missing or invisible record on a page: the readable 404 page rather than an error. */
@Order(Ordered.LOWEST_PRECEDENCE)
@ControllerAdvice(annotations = Controller.class)
class PageProblems {

    private static final Logger log = LoggerFactory.getLogger(PageProblems.class);

    @ExceptionHandler(RecordNotFoundException.class)
    String notFound(RecordNotFoundException e, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return ErrorPages.page(404, model);
    }

    /** Spring Security answers these itself: 403 page, or the sign-in page. */
    @ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
    void security(RuntimeException e) {
        throw e;
    }

    /** A multipart body cut off or without its boundary: 400 and why; too large: Spring's 413. */
    @ExceptionHandler(MultipartException.class)
    String multipart(MultipartException e, HttpServletResponse response, Model model) {
        int status = e instanceof ErrorResponse mvc ? mvc.getStatusCode().value() : 400;
        response.setStatus(status);
        if (status == 400) {
            model.addAttribute("detailKey", "problem.multipart");
        }
        return ErrorPages.page(status, model);
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, HttpServletResponse response, Model model) {
        int status = e instanceof ErrorResponse mvc ? mvc.getStatusCode().value()
                : e instanceof TypeMismatchException ? 400 : Overload.isOverload(e) ? 503 : 500;
        if (status == 503) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Overload.RETRY_AFTER_SECONDS);
        }
        else if (status >= 500) {
            // The message may quote data (an SQL value, a name): log where it happened, not what it said.
            log.error("Unexpected {} on a page at {}", e.getClass().getName(),
                    e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
            log.debug("Unexpected page error", e);
        }
        response.setStatus(status);
        return ErrorPages.page(status, model);
    }
}
