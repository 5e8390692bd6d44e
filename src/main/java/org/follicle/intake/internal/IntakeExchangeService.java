package org.follicle.intake.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validator;

import org.follicle.intake.IntakeExchange;
import org.follicle.patients.PatientRegistry;
import org.follicle.security.AuditAction;
import org.follicle.security.Audited;
import org.follicle.security.People;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.InvalidFieldsException;
import org.follicle.system.RecordNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The exchange facade over the intake's records, questionnaire and consents. */
@Service
@Transactional(readOnly = true)
class IntakeExchangeService implements IntakeExchange {

    private final IntakeRecords records;

    private final IntakeStore forms;

    private final Consents consents;

    private final PatientRegistry patients;

    private final People people;

    private final JsonMapper json;

    private final Validator validator;

    IntakeExchangeService(IntakeRecords records, IntakeStore forms, Consents consents, PatientRegistry patients,
            People people, JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
        this.records = records;
        this.forms = forms;
        this.consents = consents;
        this.patients = patients;
        this.people = people;
    }

    @Override
    public Form questionnaire() {
        Questionnaire questionnaire = records.questionnaire();
        return new Form(questionnaire.version(), questionnaire.sections().stream()
                .map(s -> new Section(s.id(), s.questions().stream()
                        .map(q -> new Question(q.path(), q.kind(), q.safety(),
                                q.options() == null ? List.of() : q.options()))
                        .toList()))
                .toList());
    }

    @Override
    @Audited(action = AuditAction.READ, recordType = IntakeRecords.INTAKE, recordId = "#patientId")
    public List<Answers> answersOf(long patientId) {
        patients.readablePatient(patientId);
        return forms.history(patientId).stream().map(this::answers).toList();
    }

    @Override
    @Audited(action = AuditAction.READ, recordType = IntakeRecords.INTAKE, recordId = "#answersId")
    public Answers answers(long answersId) {
        long patientId = forms.patientOf(answersId)
                .orElseThrow(() -> new RecordNotFoundException(IntakeRecords.INTAKE, answersId));
        patients.readablePatient(patientId);
        return forms.history(patientId).stream().filter(f -> f.id() == answersId).findFirst()
                .map(this::answers).orElseThrow();
    }

    private Answers answers(IntakeStore.IntakeForm f) {
        return new Answers(f.id(), f.patientId(), f.questionnaireVersion(), f.document(), f.recordedAt(),
                people.named(f.recordedBy()));
    }

    @Override
    public List<SignedConsent> consentsOf(long patientId) {
        return consents.of(patientId).stream().map(c -> new SignedConsent(c.id(), c.patientId(), c.type(),
                c.documentVersion(), c.language(), c.signerName(), c.signedAt(), c.withdrawnAt(),
                c.withdrawalReason())).toList();
    }

    @Override
    @Transactional
    public Answers record(long patientId, JsonNode document) {
        IntakeDocument answers;
        try {
            answers = json.treeToValue(document, IntakeDocument.class);
        }
        catch (JacksonException e) {
            throw new BusinessRuleException("intake.unreadable");
        }
        Map<String, String> invalid = new LinkedHashMap<>();
        validator.validate(answers).forEach(v -> invalid.put(v.getPropertyPath().toString(), v.getMessage()));
        if (!invalid.isEmpty()) {
            throw new InvalidFieldsException("intake.incomplete", invalid);
        }
        records.record(patientId, answers);
        return answersOf(patientId).get(0);
    }

    @Override
    public SignedConsent consent(long consentId) {
        long patientId = consents.patientOf(consentId)
                .orElseThrow(() -> new RecordNotFoundException(Consents.RECORD_TYPE, consentId));
        return consentsOf(patientId).stream().filter(c -> c.id() == consentId).findFirst().orElseThrow();
    }

    @Override
    public byte[] consentPdf(long patientId, long consentId) {
        return consents.pdf(patientId, consentId);
    }
}
