package org.follicle.diagnosis.internal;

import java.util.Map;

import org.follicle.patients.ChartSection;
import org.follicle.patients.PatientView;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.springframework.stereotype.Component;

/** Diagnosis on the chart: the current diagnosis with its codes, the latest measures, the assessments. */
@Component
class DiagnosisChartSection implements ChartSection {

    private final DiagnosisRecords records;

    private final DiagnosisKnowledge knowledge;

    private final ClinicAccess access;

    DiagnosisChartSection(DiagnosisRecords records, DiagnosisKnowledge knowledge, ClinicAccess access) {
        this.records = records;
        this.knowledge = knowledge;
        this.access = access;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String fragment() {
        return "diagnosis/chart :: diagnosis";
    }

    @Override
    public Map<String, Object> model(PatientView patient) {
        boolean open = !patient.voided();
        return Map.of("patientId", patient.id(), "assessments", records.assessmentsForChart(patient.id()),
                "diagnoses", records.diagnosesForChart(patient.id()), "categories", knowledge.categories(),
                "canAssess", open && access.can(Privilege.PATIENT_WRITE, patient.clinicId()),
                "canDiagnose", open && access.can(Privilege.CLINICAL_WRITE, patient.clinicId()));
    }
}
