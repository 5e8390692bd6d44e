package org.follicle.security.internal;

import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Writes the audit entries of one controller call in one batch, when the call returns and before its answer is
 * rendered or serialised: a request still answers only once its entries are committed, but waits for one commit
 * instead of one per audited call (signing a session made eight, each queued behind the previous one). A
 * controller answers through what it returns: one that wrote to the response itself would send its answer before
 * the entries are written.
 */
@Aspect
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestAudit {

    private final AuditChain chain;

    RequestAudit(AuditChain chain) {
        this.chain = chain;
    }

    @Around("@within(org.springframework.stereotype.Controller) "
            + "|| @within(org.springframework.web.bind.annotation.RestController)")
    Object together(ProceedingJoinPoint call) throws Throwable {
        return chain.together(call::proceed);
    }
}
