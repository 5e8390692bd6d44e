package org.follicle.security.internal;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A fresh nonce per page, allowed in the Content-Security-Policy for style elements only: the calendar library
 * injects its own stylesheet and marks it with the nonce it reads from {@code <meta name="csp-nonce">}. Inline
 * styles in general stay forbidden.
 */
class StyleNonceFilter extends OncePerRequestFilter {

    /** Request attribute (and template variable) holding the nonce. */
    static final String ATTRIBUTE = "cspStyleNonce";

    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        request.setAttribute(ATTRIBUTE, Base64.getEncoder().encodeToString(bytes));
        chain.doFilter(request, response);
    }

    /** The page policy with the request's nonce allowed for style elements. */
    static String policy(HttpServletRequest request, String policy) {
        return request.getAttribute(ATTRIBUTE) instanceof String nonce
                ? policy.replace("style-src 'self'", "style-src 'self' 'nonce-" + nonce + "'") : policy;
    }
}
