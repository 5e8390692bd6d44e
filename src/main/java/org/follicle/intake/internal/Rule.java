package org.follicle.intake.internal;

import java.util.Map;
import java.util.Set;

import org.follicle.intake.Modality;
import org.follicle.intake.RuleClass;

/**
 * A screening rule as data: its id, its class (or the organisation setting that gives it), the modalities it
 * applies to, when it fires, its message in each language, and its source.
 */
record Rule(String id, RuleClass fixedClass, String classSetting, Set<Modality> modalities, Condition when,
        Map<String, String> messages, String source) {

    RuleClass ruleClass(ScreeningSettings settings) {
        return fixedClass != null ? fixedClass : settings.ruleClass(classSetting);
    }
}
