package org.follicle.system.internal;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.follicle.system.ApiProblemWriter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Input no part of Follicle can store or read, refused with 400 and a message before anything handles it: a NUL
 * character in a query, a form or a JSON text (PostgreSQL stores no NUL in text, and failed with a server error),
 * parameters or a multipart body the container cannot parse. Before Spring Security, which reads the sign-in
 * form itself.
 */
@Configuration(proxyBeanMethods = false)
class UnreadableInput {

    /** The message key of a refusal, for the error page or problem that reports it. */
    static final String REFUSAL = UnreadableInput.class.getName() + ".refusal";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> unreadableInputFilter(ApiProblemWriter problems) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                String refusal = refusal(request);
                if (refusal == null) {
                    chain.doFilter(request, response);
                    return;
                }
                if (request.getRequestURI().startsWith("/api/")) {
                    problems.write(request, response, HttpServletResponse.SC_BAD_REQUEST, refusal);
                    return;
                }
                request.setAttribute(REFUSAL, refusal);
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /**
     * The message key that refuses the request, or null when it can be read. Reads the parameters (and a multipart
     * body's parts) as the container parses them, so that what it cannot parse is refused here, not by whatever
     * asks for a parameter first.
     */
    static String refusal(HttpServletRequest request) {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        boolean multipart = type.startsWith("multipart/");
        if (multipart && !type.contains("boundary=")) {
            return "problem.multipart";
        }
        Map<String, String[]> parameters;
        try {
            if (multipart) {
                request.getParts();
            }
            parameters = request.getParameterMap();
        }
        catch (IOException | ServletException | RuntimeException e) {
            return multipart ? "problem.multipart" : "problem.badParameters";
        }
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0) {
                return "problem.nulCharacter";
            }
            for (String value : parameter.getValue()) {
                if (value != null && value.indexOf('\0') >= 0) {
                    return "problem.nulCharacter";
                }
            }
        }
        return null;
    }

    /** JSON text with a NUL is refused as it is read, with the field it was in. */
    @Bean
    JacksonModule textWithoutNul() {
        return new SimpleModule("text-without-nul").addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) {
                String text = super.deserialize(parser, context);
                if (text != null && text.indexOf('\0') >= 0) {
                    throw new NulCharacter(parser);
                }
                return text;
            }
        });
    }

    /** A JSON text with a NUL character: ApiProblems names the field. */
    static final class NulCharacter extends MismatchedInputException {

        NulCharacter(JsonParser parser) {
            super(parser, "NUL character in text", String.class);
        }
    }
}
