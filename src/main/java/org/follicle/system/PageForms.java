package org.follicle.system;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Turns the refusals of a page form into messages by field, in the user's language, whatever layer refused: bean
 * validation, a rule with its arguments, or several fields at once.
 */
@Component
public class PageForms {

    private final MessageSource messages;

    PageForms(MessageSource messages) {
        this.messages = messages;
    }

    /** Runs an act that takes no form (a button); returns its problems, empty when it went through. */
    public Map<String, String> attempt(Runnable action) {
        return attempt(new FormDocument.Bound<>(Boolean.TRUE, Map.of()), ignored -> action.run());
    }

    /** Runs the action on a bound form; returns the problems by field, empty when it went through. */
    public <T> Map<String, String> attempt(FormDocument.Bound<T> bound, java.util.function.Consumer<T> action) {
        return submit(bound, value -> {
            action.accept(value);
            return null;
        }).errors();
    }

    /** Runs the action on a bound form: what it returned, or the problems by field when it did not go through. */
    public <T, R> Submitted<R> submit(FormDocument.Bound<T> bound, java.util.function.Function<T, R> action) {
        Map<String, String> errors = new LinkedHashMap<>(bound.errors());
        if (!errors.isEmpty()) {
            return new Submitted<>(null, errors);
        }
        R result = null;
        try {
            result = action.apply(bound.value());
        }
        catch (BusinessRuleException e) {
            errors.put(e.field() == null ? "_form" : e.field(), text(e));
        }
        catch (InvalidFieldsException e) {
            e.fields().forEach((field, key) -> errors.put(field, messages.getMessage(key, null, key,
                    LocaleContextHolder.getLocale())));
        }
        catch (StaleRecordException e) {
            errors.put("_form", text(new BusinessRuleException("problem.stale")));
        }
        return new Submitted<>(result, errors);
    }

    public String text(BusinessRuleException e) {
        return messages.getMessage(e.messageKey(), e.arguments(), LocaleContextHolder.getLocale());
    }

    /**
     * A form's outcome: the action's result when it went through, else the problems by field.
     *
     * @param value {@code null} when there are errors
     */
    public record Submitted<R>(R value, Map<String, String> errors) {

        public boolean succeeded() {
            return errors.isEmpty();
        }
    }
}
