package org.follicle.fhir.internal;

import java.util.Date;
import java.util.List;
import java.util.Locale;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.follicle.diagnosis.DiagnosisExchange;
import org.follicle.diagnosis.DiagnosisExchange.CodedDiagnosis;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Diagnoses, read only. The latest diagnosis is the patient's current one (active); the earlier ones are its
 * history, kept as inactive. ICD-10 and SNOMED CT codes appear only where the knowledge base confirms them.
 */
@Component
class ConditionProvider implements IResourceProvider {

    private static final String CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";

    private static final String VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";

    private static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";

    private final DiagnosisExchange diagnosis;

    private final MessageSource messages;

    ConditionProvider(DiagnosisExchange diagnosis, MessageSource messages) {
        this.diagnosis = diagnosis;
        this.messages = messages;
    }

    @Override
    public Class<Condition> getResourceType() {
        return Condition.class;
    }

    @Read
    public Condition read(@IdParam IdType id) {
        return condition(diagnosis.diagnosis(Ids.number(id)));
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = Condition.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Condition.SP_SUBJECT) ReferenceParam subject,
            @Offset Integer offset, @Count Integer count) {
        return Pages.slice(conditionsOf(PatientSearch.of(patient, subject)), offset, count);
    }

    List<Condition> conditionsOf(long patientId) {
        return diagnosis.diagnoses(patientId).stream().map(this::condition).toList();
    }

    private Condition condition(CodedDiagnosis d) {
        Condition condition = new Condition();
        condition.setId(String.valueOf(d.id()));
        String status = d.current() ? "active" : "inactive";
        condition.getClinicalStatus().addCoding().setSystem(CLINICAL).setCode(status);
        condition.getVerificationStatus().addCoding().setSystem(VERIFICATION).setCode("confirmed")
                .setDisplay("Confirmed");
        condition.addCategory().addCoding().setSystem(CATEGORY).setCode("encounter-diagnosis")
                .setDisplay("Encounter Diagnosis");
        if (d.snomed() != null) {
            condition.getCode().addCoding().setSystem(Terms.SNOMED).setCode(d.snomed());
        }
        if (d.icd10() != null) {
            condition.getCode().addCoding().setSystem(Terms.ICD10).setCode(d.icd10());
        }
        condition.getCode().setText(messages.getMessage("diagnosis.category." + d.category(), null, d.category(),
                Locale.ENGLISH));
        condition.setSubject(Ids.patient(d.patientId()));
        condition.setRecordedDateElement(new DateTimeType(Date.from(d.recordedAt())));
        condition.getRecorder().setDisplay(d.practitionerName());
        if (d.stage() != null) {
            condition.addStage().getSummary().setText(d.stage());
        }
        if (d.notes() != null) {
            condition.addNote().setText(d.notes());
        }
        return condition;
    }
}
