package org.follicle.intake;

/**
 * How strongly a screening rule speaks (knowledge base, rule classes): EXCLUDE, do not treat; DEFER, wait for
 * resolution or wash-out; CAUTION, physician sign-off; ALERT, information only.
 */
public enum RuleClass {
    EXCLUDE, DEFER, CAUTION, ALERT
}
