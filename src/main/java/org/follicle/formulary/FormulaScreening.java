package org.follicle.formulary;

import java.util.List;

import org.follicle.intake.ScreeningResult;

/**
 * A patient's formula screened for a session: the screening with every ingredient's rules, and the regulatory
 * alerts that forbid giving it (an ingredient suspended where the clinic is).
 */
public record FormulaScreening(long formulaId, String formulaName, ScreeningResult result,
        List<String> regulatoryBlocks) {

    public boolean blockedByRegulation() {
        return !regulatoryBlocks.isEmpty();
    }
}
