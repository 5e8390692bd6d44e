package org.follicle.security.internal;

import org.follicle.security.PageHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.stereotype.Component;

@Component
class StrictPageHeaders implements PageHeaders {

    private final StrictTransport strictTransport;

    StrictPageHeaders(StrictTransport strictTransport) {
        this.strictTransport = strictTransport;
    }

    @Override
    public void apply(HttpSecurity http) throws Exception {
        http.headers(headers -> headers.addHeaderWriter(strictTransport)
                .contentSecurityPolicy(csp -> csp.policyDirectives(SecurityConfiguration.CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions
                        .policy("camera=(self), microphone=(), geolocation=(), payment=()")));
    }
}
