package org.follicle.security.internal;

import org.follicle.system.BusinessRuleException;
import org.springframework.validation.BindingResult;

/** Shows a broken rule beside the form field it concerns, or at the top of the form. */
final class FormErrors {

    private FormErrors() {
    }

    static void reject(BindingResult form, BusinessRuleException e) {
        if (e.field() != null) {
            form.rejectValue(e.field(), e.messageKey(), e.arguments(), e.messageKey());
        }
        else {
            form.reject(e.messageKey(), e.arguments(), e.messageKey());
        }
    }
}
