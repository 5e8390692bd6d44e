package org.follicle.security.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.follicle.security.AuditAction;
import org.follicle.security.AuditOutcome;
import org.follicle.security.AuditRecord;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stops a sign-in the throttle refuses before its password is checked, and answers it as a wrong password: the
 * same page whether the name is unknown, its password wrong or its sign-ins from here locked.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

    private final SignInThrottle throttle;

    private final AuditChain audit;

    SignInThrottleFilter(SignInThrottle throttle, AuditChain audit) {
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String typed = request.getParameter("username");
        if (typed != null && throttle.refused(typed, request.getRemoteAddr())) {
            audit.append(AuditChain.Actor.typed(typed), new AuditRecord(AuditAction.LOGIN_FAILURE, null, null, null,
                    AuditOutcome.FAILURE, "throttled"));
            response.sendRedirect(request.getContextPath() + "/login?error");
            return;
        }
        chain.doFilter(request, response);
    }
}
