package org.follicle.formulary.internal;

import java.util.Map;

import org.follicle.patients.ChartSection;
import org.follicle.patients.PatientView;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.springframework.stereotype.Component;

/** The patient's formulas and the lots they received, on the chart. */
@Component
class FormularyChartSection implements ChartSection {

    private final FormulaRecords formulas;

    private final StockService stock;

    private final ClinicAccess access;

    FormularyChartSection(FormulaRecords formulas, StockService stock, ClinicAccess access) {
        this.formulas = formulas;
        this.stock = stock;
        this.access = access;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public String fragment() {
        return "formulary/chart :: formulary";
    }

    @Override
    public Map<String, Object> model(PatientView patient) {
        return Map.of("patientId", patient.id(), "formulas", formulas.ofPatientForChart(patient.id()),
                "lots", stock.lotsOfPatientForChart(patient.id()),
                "canPrescribe", !patient.voided() && access.can(Privilege.CLINICAL_WRITE, patient.clinicId()));
    }
}
