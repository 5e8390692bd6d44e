package org.follicle.intake;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The ingredients of a formula to screen for, each with its own screening rules in the intake rules' format (a
 * JSON list), as the formulary keeps them.
 *
 * @param version identifies the ingredient rules that decided, kept with the result (for example the ingredient
 *        revisions)
 * @param rulesByIngredient for each ingredient code in the formula, its rules (an empty list when it has none)
 */
public record FormulaRules(String version, Map<String, JsonNode> rulesByIngredient) {

    public static final FormulaRules NONE = new FormulaRules(null, Map.of());
}
