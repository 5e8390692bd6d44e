package org.follicle.system.internal;

import java.net.URI;
import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Whatever went wrong outside a controller (an unknown URL, a filter's refusal, an uncaught exception)
 * ends here: the JSON API gets an RFC 9457 problem, a person gets a readable page. Never a stack trace.
 */
@Controller
class ErrorPages implements ErrorController {

    private final MessageSource messages;

    ErrorPages(MessageSource messages) {
        this.messages = messages;
    }

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    String page(HttpServletRequest request, HttpServletResponse response, Model model) {
        HttpStatus status = status(request);
        if (isApi(request)) {
            // An API path asked for HTML: still answer as the API does.
            return "forward:/error/problem";
        }
        response.setStatus(status.value());
        if (request.getAttribute(UnreadableInput.REFUSAL) instanceof String refusal) {
            model.addAttribute("detailKey", refusal);
        }
        return page(status.value(), model);
    }

    /** The readable error page for a status: its own words for 403, 404 and 5xx, general ones otherwise. */
    static String page(int status, Model model) {
        model.addAttribute("status", status);
        model.addAttribute("errorKey", switch (status) {
            case 403, 404, 503 -> String.valueOf(status);
            default -> status >= 500 ? "500" : "generic";
        });
        return "error/error";
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        return problemFor(request);
    }

    @RequestMapping("/error/problem")
    ResponseEntity<ProblemDetail> forwardedProblem(HttpServletRequest request) {
        return problemFor(request);
    }

    private ResponseEntity<ProblemDetail> problemFor(HttpServletRequest request) {
        HttpStatus status = status(request);
        Locale locale = RequestContextUtils.getLocale(request);
        String key = request.getAttribute(UnreadableInput.REFUSAL) instanceof String refusal ? refusal
                : switch (status.value()) {
            case 401 -> "problem.unauthorized";
            case 403 -> "problem.forbidden";
            case 404 -> "problem.notFound";
            case 405 -> "problem.methodNotAllowed";
            case 413 -> "problem.tooLarge";
            default -> status.is5xxServerError() ? "problem.serverError" : "problem.badRequest";
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(key, null, locale));
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path) {
            problem.setInstance(URI.create(path));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The error's status; asked for directly, outside an error's dispatch, /error is a page that does not exist. */
    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            return HttpStatus.NOT_FOUND;
        }
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static boolean isApi(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri instanceof String path && (path.startsWith("/api/") || path.startsWith("/actuator"));
    }
}
