package org.follicle.formulary;

import java.util.List;

/** A patient's formulas for other modules (a plan names the formula of its course); the caller checks access. */
public interface PatientFormulas {

    /** Screens the patient's formula in force for a session on a date (its ingredients' rules included). */
    FormulaScreening screen(long patientId, long formulaId, java.time.LocalDate sessionDate);

    /** The patient's formulas, those in force first. */
    List<FormulaSummary> of(long patientId);
}
