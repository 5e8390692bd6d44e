package org.follicle.intake;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The intake for systems that exchange records with the clinic (the FHIR API): the questionnaire, a patient's
 * answers (every version), their signed consents with the PDF they signed. Reads of a patient's are checked and
 * audited as on the chart.
 */
public interface IntakeExchange {

    /** The questionnaire in force: its sections and questions, labelled by message keys. */
    Form questionnaire();

    /** Every version of the patient's answers, the latest first. */
    List<Answers> answersOf(long patientId);

    /** One version of a patient's answers, if the user may read the patient's record; 404 otherwise. */
    Answers answers(long answersId);

    /**
     * Records a new version of the patient's answers (the sections' answers by name, the medicines), through the
     * same checks as the intake form: every safety question answered, medicines named; returns it.
     */
    Answers record(long patientId, JsonNode document);

    /** The patient's consents, the latest first, signed or withdrawn. */
    List<SignedConsent> consentsOf(long patientId);

    /** One consent, if the user may read its patient's record; 404 otherwise. */
    SignedConsent consent(long consentId);

    /** The PDF the patient signed (audited as an export). */
    byte[] consentPdf(long patientId, long consentId);

    record Form(int version, List<Section> sections) {
    }

    record Section(String id, List<Question> questions) {
    }

    /**
     * A question: its path in the answers ({@code medicalHistory.pregnancy}), label key {@code intake.q.<path>}.
     *
     * @param kind TRI (YES, NO, UNKNOWN), PREGNANCY, CHOICE, MULTI, NUMBER or TEXT
     * @param options the codes a CHOICE or MULTI question offers, labelled {@code intake.option.<code>}
     */
    record Question(String path, String kind, boolean safety, List<String> options) {
    }

    /** One version of the answers as recorded (the sections' answers by name, the medicines). */
    record Answers(long id, long patientId, int questionnaireVersion, JsonNode document, Instant recordedAt,
            String recordedBy) {
    }

    record SignedConsent(long id, long patientId, ConsentType type, int documentVersion,
            String language, String signerName, Instant signedAt, Instant withdrawnAt, String withdrawalReason) {
    }
}
