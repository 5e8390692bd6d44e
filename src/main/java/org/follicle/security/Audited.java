package org.follicle.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that calling this method is written to the audit log, with its outcome: success, failure (an
 * exception) or denied (an access refusal). This is all a module has to do to audit a read or a write.
 * <p>
 * {@link #recordId()} and {@link #clinicId()} are SpEL expressions over the method's parameters
 * ({@code #patientId}) and its result ({@code #result.id()}; not available when the call failed).
 *
 * <pre>
 * &#64;Audited(action = AuditAction.READ, recordType = "patient", recordId = "#id", clinicId = "#result.clinicId()")
 * public PatientView patient(long id) { ... }
 * </pre>
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Audited {

    AuditAction action();

    String recordType();

    String recordId() default "";

    String clinicId() default "";
}
