package org.follicle.system;

import org.springframework.validation.Errors;

/**
 * A request that is well formed but breaks a rule of the clinic (a duplicate name, a weak password...).
 * The message is a message key so that pages and the API say it in the user's language.
 */
public class BusinessRuleException extends RuntimeException {

    private final String messageKey;

    private final transient Object[] arguments;

    private final String field;

    public BusinessRuleException(String messageKey, Object... arguments) {
        this(null, messageKey, arguments);
    }

    private BusinessRuleException(String field, String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments;
        this.field = field;
    }

    /** A rule broken by one field of a form, shown beside that field. */
    public static BusinessRuleException onField(String field, String messageKey, Object... arguments) {
        return new BusinessRuleException(field, messageKey, arguments);
    }

    /** Shows the broken rule on a form: beside its field, or at the top of the form. */
    public void addTo(Errors form) {
        if (field != null) {
            form.rejectValue(field, messageKey, arguments, messageKey);
        }
        else {
            form.reject(messageKey, arguments, messageKey);
        }
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments;
    }

    public String field() {
        return field;
    }
}
