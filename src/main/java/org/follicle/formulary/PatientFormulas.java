package org.follicle.formulary;

import java.util.List;

import org.follicle.formulary.internal.FormulaRecords;
import org.springframework.stereotype.Component;

/** A patient's formulas for other modules (a plan names the formula of its course); the caller checks access. */
@Component
public class PatientFormulas {

    private final FormulaRecords records;

    PatientFormulas(FormulaRecords records) {
        this.records = records;
    }

    /** Screens the patient's formula in force for a session on a date (its ingredients' rules included). */
    public FormulaScreening screen(long patientId, long formulaId, java.time.LocalDate sessionDate) {
        return records.screenForSession(patientId, formulaId, sessionDate);
    }

    /** The patient's formulas, those in force first. */
    public List<FormulaSummary> of(long patientId) {
        return records.summaries(patientId);
    }
}
