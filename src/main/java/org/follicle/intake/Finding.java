package org.follicle.intake;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/**
 * One rule that spoke, with its message in every language and its source.
 *
 * @param until for a DEFER, the first day the wash-out is over; {@code null} for "until resolved"
 * @param dateUnknown the rule needs the date a medicine was last taken, and it was not given: the physician
 *        decides instead (class CAUTION)
 */
public record Finding(String ruleId, RuleClass ruleClass, Map<String, String> messages, String source, LocalDate until,
        boolean dateUnknown) {

    public String message(Locale locale) {
        return messages.getOrDefault(locale.getLanguage(), messages.get("en"));
    }
}
