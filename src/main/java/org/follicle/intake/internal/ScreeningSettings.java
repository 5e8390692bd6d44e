package org.follicle.intake.internal;

import org.follicle.intake.RuleClass;

/**
 * The organisation's choices where the sources disagree (knowledge base 1a): how many days after non-prescribed
 * aspirin or NSAIDs a patient waits (no consensus; 7 by convention), aspirin's own wash-out (10 days in the source
 * that gives one), and whether an anticoagulant or antiplatelet, and apart from it a bleeding disorder, excludes or
 * needs the physician.
 */
record ScreeningSettings(int nsaidWindowDays, int aspirinWindowDays, RuleClass anticoagulantClass,
        RuleClass bleedingDisorderClass) {

    static final ScreeningSettings DEFAULTS = new ScreeningSettings(7, 10, RuleClass.EXCLUDE, RuleClass.EXCLUDE);

    static final java.util.Set<String> DAY_SETTINGS = java.util.Set.of("nsaidWindowDays", "aspirinWindowDays");

    static final java.util.Set<String> CLASS_SETTINGS = java.util.Set.of("anticoagulantClass", "bleedingDisorderClass");

    ScreeningSettings {
        if (nsaidWindowDays < 0 || nsaidWindowDays > 60 || aspirinWindowDays < 0 || aspirinWindowDays > 60) {
            throw new IllegalArgumentException("wash-outs must be 0 to 60 days");
        }
        for (RuleClass c : new RuleClass[] { anticoagulantClass, bleedingDisorderClass }) {
            if (c != RuleClass.EXCLUDE && c != RuleClass.CAUTION) {
                throw new IllegalArgumentException("a class setting must be EXCLUDE or CAUTION");
            }
        }
    }

    int days(String setting) {
        return switch (setting) {
            case "nsaidWindowDays" -> nsaidWindowDays;
            case "aspirinWindowDays" -> aspirinWindowDays;
            default -> throw new IllegalArgumentException("unknown day setting " + setting);
        };
    }

    RuleClass ruleClass(String setting) {
        return switch (setting) {
            case "anticoagulantClass" -> anticoagulantClass;
            case "bleedingDisorderClass" -> bleedingDisorderClass;
            default -> throw new IllegalArgumentException("unknown class setting " + setting);
        };
    }

    /** The settings as the audit log records a change. */
    String described() {
        return "nsaidWindowDays=" + nsaidWindowDays + ",aspirinWindowDays=" + aspirinWindowDays
                + ",anticoagulantClass=" + anticoagulantClass + ",bleedingDisorderClass=" + bleedingDisorderClass;
    }
}
