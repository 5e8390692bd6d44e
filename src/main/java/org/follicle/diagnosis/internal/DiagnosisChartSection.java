package org.follicle.diagnosis.internal;

import java.util.List;
import java.util.Map;

import org.follicle.patients.ChartSection;
import org.follicle.patients.PatientView;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** Diagnosis on the chart: the current diagnosis with its codes, the trend per site, the assessments. */
@Component
class DiagnosisChartSection implements ChartSection {

    private final DiagnosisRecords records;

    private final DiagnosisKnowledge knowledge;

    private final ClinicAccess access;

    private final JsonMapper json;

    DiagnosisChartSection(DiagnosisRecords records, DiagnosisKnowledge knowledge, ClinicAccess access,
            JsonMapper json) {
        this.records = records;
        this.knowledge = knowledge;
        this.access = access;
        this.json = json;
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
        List<AssessmentView> assessments = records.assessmentsForChart(patient.id());
        List<Trends.SiteTrend> trends = Trends.of(assessments, knowledge.sites());
        return Map.of("patientId", patient.id(), "assessments", assessments, "trends", trends,
                "trendJson", json.writeValueAsString(trends),
                "diagnoses", records.diagnosesForChart(patient.id()), "categories", knowledge.categories(),
                "canAssess", open && access.can(Privilege.PATIENT_WRITE, patient.clinicId()),
                "canDiagnose", open && access.can(Privilege.CLINICAL_WRITE, patient.clinicId()));
    }
}
