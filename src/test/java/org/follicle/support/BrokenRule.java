package org.follicle.support;

import org.follicle.system.BusinessRuleException;

/** The business rule a call breaks, for the lifecycles' unit tests. */
public final class BrokenRule {

    private BrokenRule() {
    }

    /** The rule the call breaks, as "field:key" ("null:key" for a rule of the whole record). */
    public static String of(Runnable call) {
        try {
            call.run();
        }
        catch (BusinessRuleException e) {
            return e.field() + ":" + e.messageKey();
        }
        throw new AssertionError("no rule broken");
    }
}
