package org.follicle.system.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a JSON API request whose body is larger than {@code follicle.api.max-request-size} (1 MB) before it
 * is read, with 413 as a problem. Uploads (multipart: photos) have their own limits.
 */
@Configuration(proxyBeanMethods = false)
class RequestSizeLimit {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> apiRequestSizeLimit(
            @Value("${follicle.api.max-request-size:1MB}") DataSize limit) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                String type = request.getContentType();
                boolean upload = type != null && type.toLowerCase().startsWith("multipart/");
                if (!upload && request.getContentLengthLong() > limit.toBytes()) {
                    response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                    return;
                }
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
