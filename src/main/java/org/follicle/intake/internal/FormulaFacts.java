package org.follicle.intake.internal;

import java.util.List;
import java.util.Set;

/** A formula as the engine sees it: its ingredient codes, their parsed rules, and the version of those rules. */
record FormulaFacts(Set<String> ingredients, List<Rule> rules, String version) {

    static final FormulaFacts NONE = new FormulaFacts(Set.of(), List.of(), null);
}
