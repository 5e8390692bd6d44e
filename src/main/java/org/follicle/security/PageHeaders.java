package org.follicle.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * The security headers of Follicle's pages (a strict Content-Security-Policy, HTTPS insisted on when configured,
 * referrer and permissions policies), for another chain of pages such as the patient portal's.
 */
public interface PageHeaders {

    void apply(HttpSecurity http) throws Exception;
}
