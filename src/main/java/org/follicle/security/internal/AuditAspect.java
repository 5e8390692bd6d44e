package org.follicle.security.internal;

import java.lang.reflect.Method;

import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.reflect.MethodSignature;
import org.follicle.security.AuditOutcome;
import org.follicle.security.AuditRecord;
import org.follicle.security.Audited;
import org.follicle.system.RecordNotFoundException;
import org.springframework.context.expression.MethodBasedEvaluationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.annotation.Order;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.util.ConcurrentReferenceHashMap;

/**
 * Writes an audit entry for every call of an {@link Audited} method: SUCCESS, FAILURE or DENIED. It runs inside
 * the method's transaction, so the entry commits with the act, and a write that fails on commit is recorded as a
 * failure ({@link AuditChain}). Within a controller call the entries are written together ({@link RequestAudit}).
 */
@Aspect
@Component
// Inside the transaction interceptor (TransactionOrder), after Spring's ExposeInvocationInterceptor.
@Order(TransactionOrder.AUDIT)
class AuditAspect {

    private final SpelExpressionParser parser = new SpelExpressionParser();

    private final ConcurrentReferenceHashMap<String, Expression> expressions = new ConcurrentReferenceHashMap<>();

    private final DefaultParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();

    private final AuditChain chain;

    AuditAspect(AuditChain chain) {
        this.chain = chain;
    }

    @Around("@annotation(audited)")
    Object audit(ProceedingJoinPoint call, Audited audited) throws Throwable {
        Method method = ((MethodSignature) call.getSignature()).getMethod();
        Object result;
        try {
            result = call.proceed();
        }
        catch (AccessDeniedException | RecordNotFoundException e) {
            chain.record(record(audited, method, call.getArgs(), null, false).withOutcome(AuditOutcome.DENIED,
                    e instanceof RecordNotFoundException ? "not-found-or-not-visible" : "access-denied"));
            throw e;
        }
        catch (Throwable e) {
            chain.record(record(audited, method, call.getArgs(), null, false).withOutcome(AuditOutcome.FAILURE,
                    e.getClass().getSimpleName()));
            throw e;
        }
        chain.record(record(audited, method, call.getArgs(), result, true));
        return result;
    }

    private AuditRecord record(Audited audited, Method method, Object[] args, Object result, boolean succeeded) {
        MethodBasedEvaluationContext context = new MethodBasedEvaluationContext(null, method, args, names);
        context.setVariable("result", result);
        Object recordId = evaluate(audited.recordId(), context, succeeded);
        Object clinicId = evaluate(audited.clinicId(), context, succeeded);
        return AuditRecord.success(audited.action(), audited.recordType(), recordId,
                clinicId instanceof Number number ? number.longValue() : null);
    }

    private Object evaluate(String expression, MethodBasedEvaluationContext context, boolean succeeded) {
        if (expression.isEmpty() || (!succeeded && expression.contains("#result"))) {
            return null;
        }
        try {
            return expressions.computeIfAbsent(expression, parser::parseExpression).getValue(context);
        }
        catch (RuntimeException e) {
            // A null along the path (#result.patient().id() on a failed call): the entry keeps what is known.
            return null;
        }
    }
}
