package org.follicle.security.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.follicle.security.AuditAction;
import org.follicle.security.AuditOutcome;
import org.follicle.security.AuditRecord;
import org.follicle.system.ApiProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs API requests in from {@code Authorization: Bearer <personal access token>}. A request without the
 * header goes on unauthenticated (and is refused later with 401); a wrong, revoked or expired token is refused
 * here, audited as a failed sign-in.
 */
class AccessTokenFilter extends OncePerRequestFilter {

    private final AccessTokens tokens;

    private final AuditChain audit;

    private final ApiProblemWriter problems;

    AccessTokenFilter(AccessTokens tokens, AuditChain audit, ApiProblemWriter problems) {
        this.tokens = tokens;
        this.audit = audit;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        var principal = tokens.principalOf(header.substring(7).trim());
        if (principal.isEmpty()) {
            audit.append(new AuditChain.Actor("token", null, null, null),
                    new AuditRecord(AuditAction.LOGIN_FAILURE, null, null, null, AuditOutcome.FAILURE, "invalid-token"));
            problems.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "problem.invalidToken");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal.get(), null,
                principal.get().getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }
}
