package org.follicle.intake.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.follicle.intake.Decision;
import org.follicle.intake.Modality;
import org.follicle.intake.ScreeningResult;
import org.follicle.patients.PatientRegistry;
import org.follicle.patients.PatientView;
import org.follicle.security.AuditAction;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditOutcome;
import org.follicle.security.AuditRecord;
import org.follicle.security.Audited;
import org.follicle.security.ClinicAccess;
import org.follicle.security.CurrentStaff;
import org.follicle.security.Privilege;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.InvalidFieldsException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recording intake answers and screening patients from them, with the practitioner's sign-off or override.
 * The screening is computed when it is read, from the latest answers and the session date, so that a wash-out
 * ends by itself and changed answers are screened at once.
 */
@Service
@Transactional
class IntakeRecords {

    static final String INTAKE = "intake";

    static final String SCREENING = "screening";

    private final IntakeStore forms;

    private final ScreeningEngine engine;

    private final MedicineDictionary medicines;

    private final PatientRegistry patients;

    private final org.follicle.clinics.ClinicTime clinicTime;

    private final org.follicle.security.People people;

    private final ClinicAccess access;

    private final AuditLog audit;

    private final JsonMapper json;

    private final Clock clock;

    IntakeRecords(IntakeStore forms, ScreeningEngine engine, MedicineDictionary medicines, PatientRegistry patients,
            org.follicle.clinics.ClinicTime clinicTime, org.follicle.security.People people, ClinicAccess access,
            AuditLog audit, JsonMapper json, Clock clock) {
        this.forms = forms;
        this.engine = engine;
        this.medicines = medicines;
        this.patients = patients;
        this.clinicTime = clinicTime;
        this.people = people;
        this.access = access;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @Audited(action = AuditAction.READ, recordType = INTAKE, recordId = "#patientId")
    Optional<IntakeStore.IntakeForm> current(long patientId) {
        patients.readablePatient(patientId);
        return forms.current(patientId);
    }

    /**
     * Every version of the patient's answers, newest first, each with who recorded it (by name), when (in the
     * clinic's time zone) and what it changed from the version before. Audited as a read of the intake.
     */
    @Transactional(readOnly = true)
    @Audited(action = AuditAction.READ, recordType = INTAKE, recordId = "#patientId")
    List<IntakeVersion> versions(long patientId) {
        PatientView patient = patients.readablePatient(patientId);
        List<IntakeStore.IntakeForm> history = forms.history(patientId);
        java.time.ZoneId zone = clinicTime.zoneOf(patient.clinicId());
        // The questionnaire's order, the medicines after the medical history as the form shows them.
        Map<String, Integer> order = new java.util.HashMap<>();
        for (Questionnaire.Section section : engine.questionnaire().sections()) {
            section.questions().forEach(q -> order.put(q.path(), order.size()));
            if (section.id().equals("medicalHistory")) {
                order.put(IntakeChanges.MEDICATIONS, order.size());
            }
        }
        List<IntakeVersion> versions = new java.util.ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            IntakeStore.IntakeForm form = history.get(i);
            JsonNode before = i + 1 < history.size() ? history.get(i + 1).document() : null;
            versions.add(new IntakeVersion(form.id(), history.size() - i, form.recordedAt().atZone(zone),
                    people.named(form.recordedBy()),
                    IntakeChanges.between(before, form.document()).stream()
                            .sorted(java.util.Comparator.comparingInt(c -> order.getOrDefault(c.path(), order.size())))
                            .toList()));
        }
        return versions;
    }

    /** A version of the answers as the history shows it; the first version's changes are all its answers. */
    record IntakeVersion(long id, int number, java.time.ZonedDateTime recordedAt, String recordedBy,
            List<IntakeChanges.Change> changes) {
    }

    /** Saves a new set of answers (the earlier ones stay) and returns the screening for each modality. */
    List<ScreeningView> record(long patientId, IntakeDocument document) {
        PatientView patient = patients.openPatient(patientId, Privilege.PATIENT_WRITE);
        save(patient, document);
        return screenAll(patient, LocalDate.now(clock));
    }

    /** The patient's own answers from the portal; the caller has established who the patient is. */
    List<ScreeningView> recordBySelf(PatientView patient, IntakeDocument document) {
        if (patient.voided()) {
            throw new org.follicle.system.BusinessRuleException("portal.intake.voided");
        }
        save(patient, document);
        return screenAll(patient, LocalDate.now(clock));
    }

    /**
     * Saves a new set of answers of a patient open for writing (PatientRegistry.openPatient), without screening
     * them: for a caller that screens afterwards itself (the pre-check of a session).
     */
    void save(PatientView patient, IntakeDocument answers) {
        IntakeDocument document = withMedicinesClassified(answers);
        JsonNode tree = json.valueToTree(document);
        // "Unknown" is an answer; silence is not.
        Map<String, String> unanswered = new LinkedHashMap<>();
        for (Questionnaire.Question q : engine.questionnaire().safetyQuestions(patient.sex())) {
            JsonNode answer = tree.at("/" + q.path().replace('.', '/'));
            if (!answer.isString()) {
                unanswered.put(q.path(), "intake.answerRequired");
            }
        }
        if (!unanswered.isEmpty()) {
            throw new InvalidFieldsException("intake.incomplete", unanswered);
        }
        long id = forms.insert(patient.organisationId(), patient.clinicId(), patient.id(),
                engine.questionnaire().version(), tree, clock.instant(), access.actorName());
        audit.record(AuditRecord.success(AuditAction.CREATE, INTAKE, id, patient.clinicId()));
    }

    /**
     * The answers with each medicine's class from the dictionary, refusing a medicine without a name or class, and
     * a list that contradicts the answer to "takes any medicine".
     */
    private IntakeDocument withMedicinesClassified(IntakeDocument answers) {
        List<IntakeDocument.Medication> listed = answers.medications() == null ? List.of() : answers.medications();
        Map<String, String> problems = new LinkedHashMap<>();
        for (int i = 0; i < listed.size(); i++) {
            IntakeDocument.Medication m = listed.get(i);
            if ((m.name() == null || m.name().isBlank()) && m.kind() == null) {
                problems.put("medications[" + i + "].name", "medication.nameRequired");
            }
        }
        IntakeDocument.Answer takes = answers.medicalHistory().takesMedicines();
        if (takes == IntakeDocument.Answer.NO && !listed.isEmpty()) {
            problems.put("medicalHistory.takesMedicines", "medication.takesNoneButListed");
        }
        if (takes == IntakeDocument.Answer.YES && listed.isEmpty()) {
            problems.put("medications", "medication.listThem");
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException("intake.incomplete", problems);
        }
        return new IntakeDocument(answers.medicalHistory(), listed.stream().map(medicines::classify).toList(),
                answers.allergies(), answers.scalpToday(), answers.hairHistory());
    }

    @Transactional(readOnly = true)
    @Audited(action = AuditAction.READ, recordType = SCREENING, recordId = "#patientId")
    ScreeningView screening(long patientId, Modality modality, LocalDate sessionDate, FormulaFacts formula) {
        return screen(patients.readablePatient(patientId), modality, sessionDate, formula);
    }

    /** Screens without writing to the audit log: for callers that audit the whole operation themselves. */
    ScreeningView screen(PatientView patient, Modality modality, LocalDate sessionDate, FormulaFacts formula) {
        return screen(patient, forms.current(patient.id()), forms.settings(patient.organisationId()), modality,
                sessionDate, formula);
    }

    /** Every modality on a date, reading the answers and the settings once. */
    List<ScreeningView> screenAll(PatientView patient, LocalDate sessionDate) {
        Optional<IntakeStore.IntakeForm> form = forms.current(patient.id());
        ScreeningSettings settings = forms.settings(patient.organisationId());
        return Arrays.stream(Modality.values())
                .map(modality -> screen(patient, form, settings, modality, sessionDate, FormulaFacts.NONE)).toList();
    }

    private ScreeningView screen(PatientView patient, Optional<IntakeStore.IntakeForm> form,
            ScreeningSettings settings, Modality modality, LocalDate sessionDate, FormulaFacts formula) {
        JsonNode answers = form.map(IntakeStore.IntakeForm::document).orElse(json.createObjectNode());
        ScreeningResult result = engine.screen(new ScreeningFacts(answers, patient.birthDate(), patient.sex(),
                sessionDate, formula.ingredients()), settings, modality, formula.rules(), formula.version());
        IntakeStore.Review review = form.flatMap(f -> forms.review(patient.id(), f.id(), modality, result))
                .orElse(null);
        return new ScreeningView(result, review, form.map(IntakeStore.IntakeForm::id).orElse(null));
    }

    /**
     * A practitioner signs off a screening that needs review, or overrides a deferral or exclusion with a
     * written reason. Both are audited and shown on the chart; the computed decision itself never changes.
     */
    ScreeningView review(long patientId, Modality modality, IntakeStore.ReviewKind kind, String reason) {
        PatientView patient = patients.writablePatient(patientId, Privilege.CLINICAL_WRITE);
        ScreeningView current = screen(patient, modality, LocalDate.now(clock), FormulaFacts.NONE);
        Decision decision = current.result().decision();
        if (current.intakeFormId() == null) {
            throw new BusinessRuleException("screening.noIntake");
        }
        String text = reason == null ? "" : reason.trim();
        if (kind == IntakeStore.ReviewKind.SIGN_OFF && decision != Decision.NEEDS_PHYSICIAN_REVIEW) {
            throw new BusinessRuleException("screening.signOffOnlyForReview");
        }
        if (kind == IntakeStore.ReviewKind.OVERRIDE) {
            if (decision != Decision.DEFERRED && decision != Decision.NOT_ELIGIBLE) {
                throw new BusinessRuleException("screening.overrideOnlyWhenRefused");
            }
            if (text.length() < 10) {
                throw BusinessRuleException.onField("reason", "screening.overrideReasonRequired");
            }
        }
        CurrentStaff me = access.current();
        forms.insertReview(patient.organisationId(), patient.clinicId(), patientId, current.intakeFormId(), modality,
                decision, ReviewCoverage.findingsOf(current.result()), kind, text.isEmpty() ? null : text, me.username(), me.displayName(), clock.instant());
        audit.record(new AuditRecord(kind == IntakeStore.ReviewKind.OVERRIDE ? AuditAction.SCREENING_OVERRIDE
                : AuditAction.SCREENING_SIGN_OFF, SCREENING, String.valueOf(patientId), patient.clinicId(),
                AuditOutcome.SUCCESS, modality + " " + decision));
        return screen(patient, modality, LocalDate.now(clock), FormulaFacts.NONE);
    }

    ScreeningSettings settings() {
        return forms.settings(access.current().organisationId());
    }

    /** Changes the organisation's screening settings; audited with the new values. */
    void saveSettings(ScreeningSettings settings) {
        CurrentStaff me = access.current();
        if (access.clinicsWith(Privilege.CLINIC_MANAGE).isEmpty()) {
            throw new org.springframework.security.access.AccessDeniedException("no clinic to manage");
        }
        forms.saveSettings(me.organisationId(), settings, clock.instant(), me.username());
        audit.record(new AuditRecord(AuditAction.SETTINGS_CHANGE, "screening-settings",
                String.valueOf(me.organisationId()), null, AuditOutcome.SUCCESS,
                settings.described()));
    }

    Questionnaire questionnaire() {
        return engine.questionnaire();
    }
}
