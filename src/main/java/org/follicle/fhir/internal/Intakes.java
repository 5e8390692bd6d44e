package org.follicle.fhir.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.follicle.intake.ConsentType;
import org.follicle.intake.Finding;
import org.follicle.intake.IntakeExchange;
import org.follicle.intake.Modality;
import org.follicle.intake.ReviewedScreening;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The intake as FHIR: the questionnaire, each version of a patient's answers, what the screening found (one
 * DetectedIssue per finding and treatment, with the practitioner's decision as its mitigation), and signed consents
 * with the PDF that was signed.
 */
@Component
class Intakes {

    static final String QUESTIONNAIRE = Terms.BASE + "/Questionnaire/intake";

    static final String ANSWERS = Terms.BASE + "/CodeSystem/intake-answer";

    private static final List<String> ANSWER_CODES = List.of("YES", "NO", "POSSIBLE", "UNKNOWN");

    private static final String CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageSource messages;

    Intakes(MessageSource messages) {
        this.messages = messages;
    }

    Questionnaire questionnaire(IntakeExchange.Form form) {
        Questionnaire questionnaire = new Questionnaire();
        questionnaire.setId("intake");
        questionnaire.setUrl(QUESTIONNAIRE);
        questionnaire.setVersion(String.valueOf(form.version()));
        questionnaire.setName("FollicleIntake");
        questionnaire.setTitle("Intake questionnaire");
        questionnaire.setStatus(Enumerations.PublicationStatus.ACTIVE);
        questionnaire.addSubjectType("Patient");
        for (IntakeExchange.Section section : form.sections()) {
            Questionnaire.QuestionnaireItemComponent group = questionnaire.addItem().setLinkId(section.id())
                    .setText(text("intake.section." + section.id())).setType(Questionnaire.QuestionnaireItemType.GROUP);
            for (IntakeExchange.Question question : section.questions()) {
                Questionnaire.QuestionnaireItemComponent item = group.addItem().setLinkId(question.path())
                        .setText(text("intake.q." + question.path()));
                switch (question.kind()) {
                    case "TRI", "PREGNANCY" -> {
                        item.setType(Questionnaire.QuestionnaireItemType.CHOICE);
                        answerCodes(question).forEach(code -> item.addAnswerOption().setValue(answer(code)));
                    }
                    case "CHOICE", "MULTI" -> {
                        item.setType(Questionnaire.QuestionnaireItemType.CHOICE)
                                .setRepeats(question.kind().equals("MULTI"));
                        question.options().forEach(code -> item.addAnswerOption().setValue(option(code)));
                    }
                    case "NUMBER" -> item.setType(Questionnaire.QuestionnaireItemType.DECIMAL);
                    default -> item.setType(Questionnaire.QuestionnaireItemType.STRING);
                }
            }
            if (section.id().equals("medicalHistory")) {
                Questionnaire.QuestionnaireItemComponent medicines = questionnaire.addItem().setLinkId("medications")
                        .setText(text("intake.section.medications")).setRepeats(true)
                        .setType(Questionnaire.QuestionnaireItemType.GROUP);
                medicines.addItem().setLinkId("medications.name").setText("Medicine")
                        .setType(Questionnaire.QuestionnaireItemType.STRING);
                medicines.addItem().setLinkId("medications.prescribed").setText("Prescribed")
                        .setType(Questionnaire.QuestionnaireItemType.BOOLEAN);
                medicines.addItem().setLinkId("medications.lastTaken").setText("Last taken")
                        .setType(Questionnaire.QuestionnaireItemType.DATE);
            }
        }
        return questionnaire;
    }

    QuestionnaireResponse response(IntakeExchange.Form form, IntakeExchange.Answers answers) {
        QuestionnaireResponse response = new QuestionnaireResponse();
        response.setId(String.valueOf(answers.id()));
        response.setQuestionnaire(QUESTIONNAIRE + "|" + answers.questionnaireVersion());
        response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        response.setSubject(Ids.patient(answers.patientId()));
        response.setAuthoredElement(new DateTimeType(Date.from(answers.recordedAt())));
        response.getAuthor().setDisplay(answers.recordedBy());
        JsonNode document = answers.document();
        for (IntakeExchange.Section section : form.sections()) {
            QuestionnaireResponse.QuestionnaireResponseItemComponent group =
                    new QuestionnaireResponse.QuestionnaireResponseItemComponent().setLinkId(section.id())
                            .setText(text("intake.section." + section.id()));
            for (IntakeExchange.Question question : section.questions()) {
                JsonNode value = document.path(section.id()).path(question.path().substring(section.id().length() + 1));
                if (value.isMissingNode() || value.isNull() || value.isArray() && value.isEmpty()
                        || value.isString() && value.asString().isBlank()) {
                    continue;
                }
                QuestionnaireResponse.QuestionnaireResponseItemComponent item = group.addItem()
                        .setLinkId(question.path()).setText(text("intake.q." + question.path()));
                switch (question.kind()) {
                    case "TRI", "PREGNANCY" -> item.addAnswer().setValue(answer(value.asString()));
                    case "CHOICE" -> item.addAnswer().setValue(option(value.asString()));
                    case "MULTI" -> value.forEach(code -> item.addAnswer().setValue(option(code.asString())));
                    case "NUMBER" -> item.addAnswer().setValue(new DecimalType(new BigDecimal(value.asString())));
                    default -> item.addAnswer().setValue(new StringType(value.asString()));
                }
            }
            if (group.hasItem()) {
                response.addItem(group);
            }
            if (section.id().equals("medicalHistory")) {
                for (JsonNode medicine : document.path("medications")) {
                    QuestionnaireResponse.QuestionnaireResponseItemComponent entry = response.addItem()
                            .setLinkId("medications").setText(text("intake.section.medications"));
                    if (medicine.hasNonNull("name")) {
                        entry.addItem().setLinkId("medications.name").setText("Medicine").addAnswer()
                                .setValue(new StringType(medicine.get("name").asString()));
                    }
                    if (medicine.hasNonNull("prescribed")) {
                        entry.addItem().setLinkId("medications.prescribed").setText("Prescribed").addAnswer()
                                .setValue(new BooleanType(medicine.get("prescribed").asBoolean()));
                    }
                    if (medicine.hasNonNull("lastTaken")) {
                        entry.addItem().setLinkId("medications.lastTaken").setText("Last taken").addAnswer()
                                .setValue(new DateType(medicine.get("lastTaken").asString()));
                    }
                }
            }
        }
        return response;
    }

    /**
     * The answers a response gives, as the intake records them: each question's answer under its section, a
     * choice by its code, several choices as a list, the medicines as a list.
     */
    ObjectNode document(IntakeExchange.Form form, QuestionnaireResponse response) {
        ObjectNode document = JSON.createObjectNode();
        form.sections().forEach(section -> document.putObject(section.id()));
        ArrayNode medicines = document.putArray("medications");
        java.util.Map<String, String> kinds = new java.util.HashMap<>();
        form.sections().forEach(s -> s.questions().forEach(q -> kinds.put(q.path(), q.kind())));
        for (QuestionnaireResponse.QuestionnaireResponseItemComponent item : flatten(response.getItem())) {
            if (item.getLinkId().equals("medications")) {
                if (item.getItem().stream().noneMatch(QuestionnaireResponse.QuestionnaireResponseItemComponent::hasAnswer)) {
                    continue;
                }
                ObjectNode medicine = medicines.addObject();
                for (QuestionnaireResponse.QuestionnaireResponseItemComponent part : item.getItem()) {
                    if (part.hasAnswer()) {
                        String field = part.getLinkId().substring("medications.".length());
                        var value = part.getAnswerFirstRep().getValue();
                        if (value instanceof BooleanType yes) {
                            medicine.put(field, yes.booleanValue());
                        }
                        else {
                            medicine.put(field, value.primitiveValue());
                        }
                    }
                }
                continue;
            }
            String kind = kinds.get(item.getLinkId());
            if (kind == null || !item.hasAnswer()) {
                continue;
            }
            int dot = item.getLinkId().indexOf('.');
            ObjectNode section = (ObjectNode) document.get(item.getLinkId().substring(0, dot));
            String field = item.getLinkId().substring(dot + 1);
            switch (kind) {
                case "MULTI" -> {
                    ArrayNode codes = section.putArray(field);
                    item.getAnswer().forEach(a -> codes.add(a.getValueCoding().getCode()));
                }
                case "NUMBER" -> section.put(field, new BigDecimal(item.getAnswerFirstRep().getValue()
                        .primitiveValue()));
                case "TEXT" -> section.put(field, item.getAnswerFirstRep().getValue().primitiveValue());
                default -> section.put(field, item.getAnswerFirstRep().hasValueCoding()
                        ? item.getAnswerFirstRep().getValueCoding().getCode()
                        : item.getAnswerFirstRep().getValue().primitiveValue());
            }
        }
        return document;
    }

    /** The items with answers, wherever they sit in groups (a repeated medicines group stays whole). */
    private static List<QuestionnaireResponse.QuestionnaireResponseItemComponent> flatten(
            List<QuestionnaireResponse.QuestionnaireResponseItemComponent> items) {
        List<QuestionnaireResponse.QuestionnaireResponseItemComponent> flat = new ArrayList<>();
        for (QuestionnaireResponse.QuestionnaireResponseItemComponent item : items) {
            if (item.getLinkId().equals("medications") || item.hasAnswer()) {
                flat.add(item);
            }
            else {
                flat.addAll(flatten(item.getItem()));
            }
        }
        return flat;
    }

    /** What the screening found for a treatment, each finding as a DetectedIssue; id {@code <patient>-<treatment>-n}. */
    List<DetectedIssue> issues(long patientId, Modality modality, ReviewedScreening screening) {
        List<DetectedIssue> issues = new ArrayList<>();
        List<Finding> findings = screening.result().findings();
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            DetectedIssue issue = new DetectedIssue();
            issue.setId(patientId + "-" + modality.name().toLowerCase(Locale.ROOT) + "-" + (i + 1));
            issue.setStatus(DetectedIssue.DetectedIssueStatus.FINAL);
            issue.getCode().setText(text("session.modality." + (modality == Modality.PRP ? "PRP" : "CHEMICAL"))
                    + ": " + finding.ruleClass().name().toLowerCase(Locale.ROOT));
            issue.setSeverity(switch (finding.ruleClass()) {
                case EXCLUDE -> DetectedIssue.DetectedIssueSeverity.HIGH;
                case DEFER, CAUTION -> DetectedIssue.DetectedIssueSeverity.MODERATE;
                case ALERT -> DetectedIssue.DetectedIssueSeverity.LOW;
            });
            issue.setPatient(Ids.patient(patientId));
            issue.setIdentified(new DateTimeType(screening.result().sessionDate().toString()));
            // The rule's source is a citation in the knowledge base, not an address: it goes with the detail.
            issue.setDetail(finding.message(Locale.ENGLISH) + (finding.source() == null ? ""
                    : " (source: " + finding.source() + ")"));
            if (screening.cleared()) {
                DetectedIssue.DetectedIssueMitigationComponent mitigation = issue.addMitigation();
                mitigation.getAction().setText(screening.reviewKind().equals("OVERRIDE")
                        ? "Overridden by a practitioner: " + screening.reviewReason()
                        : "Signed off by a practitioner" + (screening.reviewReason() == null ? ""
                                : ": " + screening.reviewReason()));
                mitigation.setDate(Date.from(screening.reviewedAt()));
                mitigation.getAuthor().setDisplay(screening.reviewerName());
            }
            issues.add(issue);
        }
        return issues;
    }

    Consent consent(IntakeExchange.SignedConsent signed, long clinicId, byte[] pdf) {
        Consent consent = new Consent();
        consent.setId(String.valueOf(signed.id()));
        consent.setStatus(signed.withdrawnAt() == null ? Consent.ConsentState.ACTIVE : Consent.ConsentState.INACTIVE);
        boolean treatment = signed.type() == ConsentType.MESOTHERAPY || signed.type() == ConsentType.PRP;
        consent.getScope().addCoding(new Coding(CONSENT_SCOPE, treatment ? "treatment" : "patient-privacy",
                treatment ? "Treatment" : "Privacy Consent"));
        consent.addCategory().addCoding(new Coding("http://loinc.org", "59284-0", "Patient Consent"));
        consent.getCategoryFirstRep().setText(text("consent.type." + signed.type().name()));
        consent.setPatient(Ids.patient(signed.patientId()));
        consent.setDateTime(Date.from(signed.signedAt()));
        consent.addPerformer(Ids.patient(signed.patientId()).setDisplay(signed.signerName()));
        consent.addOrganization(Ids.clinic(clinicId));
        consent.getPolicyRule().setText(text("consent.type." + signed.type().name()) + ", version "
                + signed.documentVersion());
        Attachment document = new Attachment().setContentType("application/pdf").setLanguage(signed.language())
                .setTitle(text("consent.type." + signed.type().name())).setData(pdf);
        document.setCreationElement(new DateTimeType(Date.from(signed.signedAt())));
        consent.setSource(document);
        consent.getProvision().setType(Consent.ConsentProvisionType.PERMIT);
        if (signed.withdrawnAt() != null) {
            consent.getProvision().getPeriod().setEnd(Date.from(signed.withdrawnAt()));
        }
        return consent;
    }

    /** The answers and options the questionnaire offers, as a code system. */
    CodeSystem answerCodes(IntakeExchange.Form form) {
        CodeSystem system = Trichoscopies.codeSystem("intake-answer", ANSWERS, "FollicleIntakeAnswer",
                "Follicle intake answers", "The answers the intake questionnaire offers.");
        system.setVersion(String.valueOf(form.version()));
        Set<String> codes = new LinkedHashSet<>(ANSWER_CODES);
        form.sections().forEach(s -> s.questions().forEach(q -> codes.addAll(q.options())));
        codes.forEach(code -> system.addConcept().setCode(code).setDisplay(display(code)));
        return system;
    }

    private static List<String> answerCodes(IntakeExchange.Question question) {
        return question.kind().equals("PREGNANCY") ? List.of("NO", "YES", "POSSIBLE", "UNKNOWN")
                : List.of("YES", "NO", "UNKNOWN");
    }

    private Coding answer(String code) {
        return new Coding(ANSWERS, code, display(code));
    }

    private Coding option(String code) {
        return new Coding(ANSWERS, code, display(code));
    }

    private String display(String code) {
        return ANSWER_CODES.contains(code) ? text("intake.answer." + code) : text("intake.option." + code);
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, Locale.ENGLISH);
    }
}
