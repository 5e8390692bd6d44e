package org.follicle.intake.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.follicle.intake.PatientIntake;
import org.follicle.patients.PatientRegistry;
import org.follicle.patients.PatientView;
import org.follicle.security.Privilege;
import org.follicle.system.InvalidFieldsException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers that changed since the intake (asked again before a session) recorded as a new version of the intake:
 * the earlier answers stay, the screening then reads the new ones. Medications are added to the list.
 */
@Service
@Transactional
class IntakeAmendments implements PatientIntake {

    private final IntakeRecords records;

    private final IntakeStore forms;

    private final PatientRegistry patients;

    private final JsonMapper json;

    private final Validator validator;

    IntakeAmendments(IntakeRecords records, IntakeStore forms, PatientRegistry patients, JsonMapper json,
            Validator validator) {
        this.records = records;
        this.forms = forms;
        this.patients = patients;
        this.json = json;
        this.validator = validator;
    }

    /** The answers read to be amended are part of the amendment, audited as the new version's creation. */
    @Override
    public void amend(long patientId, JsonNode changes) {
        PatientView patient = patients.openPatient(patientId, Privilege.PATIENT_WRITE);
        ObjectNode document = forms.current(patient.id()).map(f -> (ObjectNode) f.document().deepCopy())
                .orElseGet(json::createObjectNode);
        merge(document, changes);
        notYetAsked(document, patient);
        IntakeDocument intake;
        try {
            intake = json.treeToValue(document, IntakeDocument.class);
        }
        catch (RuntimeException e) {
            throw new InvalidFieldsException("intake.incomplete", Map.of("precheck", "intake.answerRequired"));
        }
        Map<String, String> problems = new LinkedHashMap<>();
        for (ConstraintViolation<IntakeDocument> v : validator.validate(intake)) {
            problems.put(v.getPropertyPath().toString(), "intake.answerRequired");
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException("intake.incomplete", problems);
        }
        records.save(patient, intake);
    }

    /**
     * Answers from before a safety question was added to the questionnaire: unknown, never "no", so that the
     * physician sees it. A medicine list already says whether medicines are taken.
     */
    private void notYetAsked(ObjectNode document, PatientView patient) {
        for (Questionnaire.Question q : records.questionnaire().safetyQuestions(patient.sex())) {
            String[] path = q.path().split("\\.");
            ObjectNode section = document.has(path[0]) && document.get(path[0]) instanceof ObjectNode o ? o
                    : document.putObject(path[0]);
            if (!section.path(path[1]).isString()) {
                boolean listed = q.path().equals("medicalHistory.takesMedicines")
                        && !document.path("medications").isEmpty();
                section.put(path[1], listed ? "YES" : "UNKNOWN");
            }
        }
    }

    private static void merge(ObjectNode target, JsonNode changes) {
        changes.properties().forEach(e -> {
            JsonNode current = target.get(e.getKey());
            if (current instanceof ObjectNode object && e.getValue().isObject()) {
                merge(object, e.getValue());
            }
            else if (current instanceof ArrayNode array && e.getValue().isArray()) {
                array.addAll((ArrayNode) e.getValue());
            }
            else {
                target.set(e.getKey(), e.getValue());
            }
        });
    }
}
