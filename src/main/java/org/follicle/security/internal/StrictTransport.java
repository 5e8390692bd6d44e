package org.follicle.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.stereotype.Component;

/**
 * HTTP Strict Transport Security in production: browsers then reach Follicle over HTTPS only, for a year. Sent on
 * every answer, because TLS usually ends at the load balancer and the request Follicle sees is plain HTTP (Spring
 * Security's own header is only written on a secure request). Off by default, so that a laptop on http://localhost
 * is not told to insist on HTTPS.
 */
@Component
class StrictTransport implements HeaderWriter {

    static final String HEADER = "Strict-Transport-Security";

    static final String VALUE = "max-age=31536000; includeSubDomains";

    private final boolean enabled;

    StrictTransport(@Value("${follicle.security.hsts:false}") boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        if (enabled) {
            response.setHeader(HEADER, VALUE);
        }
    }
}
