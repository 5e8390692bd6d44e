package org.follicle.intake.internal;

import org.follicle.intake.RuleClass;

/**
 * The organisation's choices where the sources disagree (knowledge base 1a): how many days after non-prescribed
 * aspirin or NSAIDs a patient waits (no consensus; 7 by convention), and whether a bleeding disorder or a
 * prescribed antithrombotic excludes or needs the physician.
 */
record ScreeningSettings(int nsaidWindowDays, RuleClass anticoagulantClass) {

    static final ScreeningSettings DEFAULTS = new ScreeningSettings(7, RuleClass.EXCLUDE);

    static final java.util.Set<String> DAY_SETTINGS = java.util.Set.of("nsaidWindowDays");

    static final java.util.Set<String> CLASS_SETTINGS = java.util.Set.of("anticoagulantClass");

    ScreeningSettings {
        if (nsaidWindowDays < 0 || nsaidWindowDays > 60) {
            throw new IllegalArgumentException("nsaidWindowDays must be 0 to 60");
        }
        if (anticoagulantClass != RuleClass.EXCLUDE && anticoagulantClass != RuleClass.CAUTION) {
            throw new IllegalArgumentException("anticoagulantClass must be EXCLUDE or CAUTION");
        }
    }

    int days(String setting) {
        if ("nsaidWindowDays".equals(setting)) {
            return nsaidWindowDays;
        }
        throw new IllegalArgumentException("unknown day setting " + setting);
    }

    RuleClass ruleClass(String setting) {
        if ("anticoagulantClass".equals(setting)) {
            return anticoagulantClass;
        }
        throw new IllegalArgumentException("unknown class setting " + setting);
    }
}
