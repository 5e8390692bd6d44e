package org.follicle.system.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.follicle.system.ApiProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * When requests come faster than the database serves them, a request waits for a connection and, after the
 * pool's timeout, cannot have one: that asks for a retry (503 with Retry-After), not a server error. Caught
 * here for whatever part of the request it happens in (the security filters read the database before any
 * controller), and by the controller advices for the rest.
 */
@Configuration(proxyBeanMethods = false)
class Overload {

    /** Seconds: a pool's queue clears quickly once the burst passes. */
    static final String RETRY_AFTER_SECONDS = "5";

    private static final Logger log = LoggerFactory.getLogger(Overload.class);

    /** Whether this failure, or one of its causes, is a connection the pool could not give in time, or "busy". */
    static boolean isOverload(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof CannotGetJdbcConnectionException || e instanceof CannotCreateTransactionException
                    || e instanceof org.follicle.system.BusyException
                    || e instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> overloadFilter(MessageSource messages, LocaleResolver locales,
            ApiProblemWriter problems) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                try {
                    chain.doFilter(request, response);
                }
                catch (RuntimeException | ServletException e) {
                    if (!isOverload(e) || response.isCommitted()) {
                        throw e;
                    }
                    log.warn("No database connection in time for {} {}: answered 503", request.getMethod(),
                            request.getRequestURI());
                    busy(request, response);
                }
            }

            /** A problem for the API, a short page for a browser: the database cannot be asked for either. */
            private void busy(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.resetBuffer();
                response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
                if (request.getRequestURI().startsWith("/api/")) {
                    problems.write(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "problem.busy");
                    return;
                }
                Locale locale = locales.resolveLocale(request);
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.setContentType(MediaType.TEXT_HTML_VALUE);
                response.getWriter().write("<!DOCTYPE html><html lang=\"" + locale.getLanguage()
                        + "\"><head><meta charset=\"utf-8\"><title>503</title></head><body><p>"
                        + HtmlUtils.htmlEscape(messages.getMessage("problem.busy", null, "problem.busy", locale),
                                StandardCharsets.UTF_8.name())
                        + "</p></body></html>");
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
