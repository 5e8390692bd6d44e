package org.follicle.diagnosis.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.follicle.diagnosis.AssessmentRecorded;
import org.follicle.diagnosis.DiagnosisRecorded;
import org.follicle.patients.PatientRegistry;
import org.follicle.patients.PatientView;
import org.follicle.security.AuditAction;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditRecord;
import org.follicle.security.Audited;
import org.follicle.security.ClinicAccess;
import org.follicle.security.CurrentStaff;
import org.follicle.security.Privilege;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.InvalidFieldsException;
import org.follicle.system.RecordNotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording assessments (assistants and practitioners) and diagnoses (practitioners), authorised and audited.
 * Impossible measures are refused whole: nothing is stored half-way.
 */
@Service
@Transactional
class DiagnosisRecords {

    static final String ASSESSMENT = "assessment";

    static final String DIAGNOSIS = "diagnosis";

    static final Set<Integer> VELLUS_CUTOFFS = Set.of(30, 40, 60);

    private final AssessmentStore assessments;

    private final DiagnosisKnowledge knowledge;

    private final PatientRegistry patients;

    private final ClinicAccess access;

    private final AuditLog audit;

    private final Clock clock;

    private final ApplicationEventPublisher events;

    DiagnosisRecords(AssessmentStore assessments, DiagnosisKnowledge knowledge, PatientRegistry patients,
            ClinicAccess access, AuditLog audit, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.assessments = assessments;
        this.knowledge = knowledge;
        this.patients = patients;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records an assessment; returns it with its derived measures and any warnings (message keys). */
    Recorded record(long patientId, AssessmentInput input) {
        PatientView patient = patients.openPatient(patientId, Privilege.PATIENT_WRITE);
        List<String> warnings = check(input);
        CurrentStaff me = access.current();
        long id = assessments.insert(patient.organisationId(), patient.clinicId(), patientId, input, me.username(),
                me.displayName(), clock.instant());
        events.publishEvent(new AssessmentRecorded(id, patientId, false));
        audit.record(AuditRecord.success(AuditAction.CREATE, ASSESSMENT, id, patient.clinicId()));
        return new Recorded(assessments.find(id).orElseThrow(), warnings);
    }

    @Transactional(readOnly = true)
    @Audited(action = AuditAction.READ, recordType = ASSESSMENT, recordId = "#patientId")
    List<AssessmentView> assessments(long patientId) {
        patients.readablePatient(patientId);
        return assessments.of(patientId);
    }

    @Transactional(readOnly = true)
    @Audited(action = AuditAction.READ, recordType = ASSESSMENT, recordId = "#assessmentId")
    AssessmentView assessment(long patientId, long assessmentId) {
        patients.readablePatient(patientId);
        return assessments.find(assessmentId).filter(a -> a.patientId() == patientId)
                .orElseThrow(() -> new RecordNotFoundException(ASSESSMENT, assessmentId));
    }

    /** Voids an assessment recorded by mistake: it stays, marked, and leaves the trends. */
    AssessmentView voidAssessment(long patientId, long assessmentId, String reason) {
        PatientView patient = patients.openPatient(patientId, Privilege.PATIENT_WRITE);
        String text = reason == null ? "" : reason.trim();
        if (text.length() < 5 || text.length() > 500) {
            throw BusinessRuleException.onField("reason", "assessment.voidReasonRequired");
        }
        if (!assessments.voidAssessment(patientId, assessmentId, text)) {
            boolean exists = assessments.find(assessmentId).filter(a -> a.patientId() == patientId).isPresent();
            throw exists ? new BusinessRuleException("assessment.alreadyVoided")
                    : new RecordNotFoundException(ASSESSMENT, assessmentId);
        }
        audit.record(new AuditRecord(AuditAction.VOID, ASSESSMENT, String.valueOf(assessmentId), patient.clinicId(),
                org.follicle.security.AuditOutcome.SUCCESS, null));
        events.publishEvent(new AssessmentRecorded(assessmentId, patientId, true));
        return assessments.find(assessmentId).orElseThrow();
    }

    DiagnosisView diagnose(long patientId, DiagnosisInput input) {
        PatientView patient = patients.openPatient(patientId, Privilege.CLINICAL_WRITE);
        DiagnosisKnowledge.Category category = knowledge.category(input.category());
        if (category == null) {
            throw BusinessRuleException.onField("category", "diagnosis.categoryUnknown", input.category());
        }
        CurrentStaff me = access.current();
        long id = assessments.insertDiagnosis(patient.organisationId(), patient.clinicId(), patientId, category,
                input, me.username(), me.displayName(), clock.instant());
        events.publishEvent(new DiagnosisRecorded(id, patientId));
        audit.record(AuditRecord.success(AuditAction.CREATE, DIAGNOSIS, id, patient.clinicId()));
        return assessments.diagnoses(patientId).get(0);
    }

    @Transactional(readOnly = true)
    @Audited(action = AuditAction.READ, recordType = DIAGNOSIS, recordId = "#patientId")
    List<DiagnosisView> diagnoses(long patientId) {
        patients.readablePatient(patientId);
        return assessments.diagnoses(patientId);
    }

    /** Unaudited reads for the chart, whose opening is audited as a whole. */
    List<AssessmentView> assessmentsForChart(long patientId) {
        return assessments.of(patientId);
    }

    List<DiagnosisView> diagnosesForChart(long patientId) {
        return assessments.diagnoses(patientId);
    }

    /** Refuses impossible measures; returns warnings for unusual but possible ones. */
    private List<String> check(AssessmentInput input) {
        Map<String, String> problems = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        if (!VELLUS_CUTOFFS.contains(input.vellusCutoffUm())) {
            problems.put("vellusCutoffUm", "assessment.cutoffInvalid");
        }
        Set<String> seen = new HashSet<>();
        List<AssessmentInput.Site> sites = input.sites() == null ? List.of() : input.sites();
        for (int i = 0; i < sites.size(); i++) {
            AssessmentInput.Site s = sites.get(i);
            String at = "sites[" + i + "].";
            if (!knowledge.sites().contains(s.site())) {
                problems.put(at + "site", "assessment.siteUnknown");
            }
            else if (!seen.add(s.site())) {
                problems.put(at + "site", "assessment.siteTwice");
            }
            if (s.terminal() != null && s.vellus() != null && s.terminal() + s.vellus() > s.hairs()) {
                problems.put(at + "vellus", "assessment.moreClassifiedThanCounted");
            }
            if (s.anagenPercent() != null && s.telogenPercent() != null
                    && s.anagenPercent().add(s.telogenPercent()).compareTo(BigDecimal.valueOf(100)) > 0) {
                problems.put(at + "telogenPercent", "assessment.phasesOver100");
            }
            if (s.meanDiameterUm() != null
                    && s.meanDiameterUm().compareTo(BigDecimal.valueOf(Trichometry.DIAMETER_WARNING_UM)) > 0) {
                warnings.add("assessment.diameterUnusual");
            }
        }
        if (input.pullTest() != null && input.pullTest().out() > input.pullTest().grasped()) {
            problems.put("pullTest.out", "assessment.pullOutOverGrasped");
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException("assessment.invalid", problems);
        }
        return warnings;
    }

    /** A recorded assessment and the warnings to show about it. */
    record Recorded(AssessmentView assessment, List<String> warnings) {
    }
}
