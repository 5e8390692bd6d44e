package org.follicle.intake.internal;

import java.util.List;

/** The screening rules of one version (knowledge/screening-rules.json). */
record RuleSet(String version, List<Rule> rules) {
}
