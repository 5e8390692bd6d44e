package org.follicle.intake.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.follicle.intake.ConsentType;
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
import org.follicle.system.Languages;
import org.follicle.system.RecordNotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consent: the patient reads the document in their language and signs on screen (typed name and drawn
 * signature) with a member of staff as witness; the signed PDF is made at once and kept. Withdrawal is recorded
 * beside the consent, which stays.
 */
@Service
@Transactional
class Consents {

    static final String RECORD_TYPE = "consent";

    private final JdbcClient jdbc;

    private final ConsentDocuments documents;

    private final org.follicle.system.PdfDocuments pdf;

    private final PatientRegistry patients;

    private final ClinicAccess access;

    private final org.follicle.clinics.ClinicDirectory clinics;

    private final AuditLog audit;

    private final Clock clock;

    private final ConsentStatus recorded;

    private final org.springframework.context.MessageSource texts;

    Consents(JdbcClient jdbc, ConsentDocuments documents, org.follicle.system.PdfDocuments pdf, PatientRegistry patients,
            ClinicAccess access, org.follicle.clinics.ClinicDirectory clinics, AuditLog audit, Clock clock, ConsentStatus recorded,
            org.springframework.context.MessageSource texts) {
        this.jdbc = jdbc;
        this.texts = texts;
        this.recorded = recorded;
        this.documents = documents;
        this.pdf = pdf;
        this.patients = patients;
        this.access = access;
        this.clinics = clinics;
        this.audit = audit;
        this.clock = clock;
    }

    /** The document to read before signing: the current version, in the language asked for. */
    @Transactional(readOnly = true)
    Document document(long patientId, ConsentType type, String language) {
        patients.readablePatient(patientId);
        String lang = language(language);
        int version = documents.currentVersion(type);
        return new Document(type, version, lang, documents.text(type, version, lang));
    }

    ConsentView sign(long patientId, ConsentType type, String language, String signerName, Signature signature) {
        PatientView patient = patients.openPatient(patientId, Privilege.PATIENT_WRITE);
        CurrentStaff witness = access.current();
        return sign(patient, type, language, signerName, signature, witness.username(), witness.displayName());
    }

    /**
     * The patient signs on the portal, signed in by a link sent to their address: no one witnesses it, and the
     * document says so. The caller has established who the patient is.
     */
    ConsentView signBySelf(PatientView patient, ConsentType type, String language, String signerName,
            Signature signature) {
        if (patient.voided()) {
            throw new BusinessRuleException("portal.intake.voided");
        }
        String lang = language(language);
        return sign(patient, type, lang, signerName, signature, org.follicle.security.SignedInPatient.actorName(patient.id()),
                texts.getMessage("consent.signedOnPortal", null, java.util.Locale.forLanguageTag(lang)));
    }

    /** A consent the demo clinic's patient signed before a witness, for the demo data (no one is signed in). */
    ConsentView signForDemo(PatientView patient, ConsentType type, String language, Signature signature,
            String witnessId, String witnessName) {
        return sign(patient, type, language, patient.givenName() + " " + patient.familyName(), signature, witnessId,
                witnessName);
    }

    private ConsentView sign(PatientView patient, ConsentType type, String language, String signerName,
            Signature signature, String witnessId, String witnessName) {
        long patientId = patient.id();
        String name = signerName == null ? "" : signerName.trim();
        if (name.length() < 2 || name.length() > 200) {
            throw BusinessRuleException.onField("signerName", "consent.signerNameRequired");
        }
        String lang = language(language);
        int version = documents.currentVersion(type);
        Instant now = clock.instant();
        Map<String, Object> model = new HashMap<>();
        var clinic = clinics.find(patient.clinicId());
        model.put("clinicName", clinic.map(c -> c.name()).orElse(""));
        model.put("type", type.name());
        model.put("version", version);
        model.put("language", lang);
        model.put("patientName", patient.givenName() + " " + patient.familyName());
        model.put("birthDate", patient.birthDate().toString());
        model.put("fileNumber", patient.fileNumber());
        model.put("text", documents.text(type, version, lang));
        model.put("signerName", name);
        model.put("signature", signature.dataUrl());
        // The clinic's time, with its zone: the document is read where it was signed.
        java.time.ZoneId zone = clinic.map(org.follicle.clinics.ClinicView::zone).orElse(clock.getZone());
        model.put("signedAt", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(now.atZone(zone)) + " ("
                + zone.getId() + ")");
        model.put("witnessName", witnessName);
        byte[] document = pdf.render("intake/consent-pdf", model, java.util.Locale.forLanguageTag(lang));
        long id = jdbc.sql("""
                INSERT INTO intake_consent (organisation_id, clinic_id, patient_id, type, document_version, language,
                    signer_name, signature_png, signed_at, witness, witness_name, pdf)
                VALUES (:org, :clinic, :patient, :type, :version, :language, :signer, :signature, :now, :witness,
                    :witnessName, :pdf) RETURNING id""")
                .param("org", patient.organisationId()).param("clinic", patient.clinicId()).param("patient", patientId)
                .param("type", type.name()).param("version", version).param("language", lang).param("signer", name)
                .param("signature", signature.png()).param("now", Timestamp.from(now))
                .param("witness", witnessId).param("witnessName", witnessName)
                .param("pdf", document).query(Long.class).single();
        audit.record(new AuditRecord(AuditAction.CONSENT_SIGN, RECORD_TYPE, String.valueOf(id), patient.clinicId(),
                AuditOutcome.SUCCESS, type + " v" + version));
        return find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    @Audited(action = AuditAction.READ, recordType = RECORD_TYPE, recordId = "#patientId")
    List<ConsentView> of(long patientId) {
        patients.readablePatient(patientId);
        return list(patientId);
    }

    /** The latest consent of each type, as the chart shows it: signed, withdrawn, or missing (absent). */
    Map<ConsentType, ConsentView> status(long patientId) {
        Map<ConsentType, ConsentView> latest = new EnumMap<>(ConsentType.class);
        for (ConsentView c : list(patientId)) {
            latest.putIfAbsent(c.type(), c);
        }
        return latest;
    }

    @Transactional(readOnly = true)
    @Audited(action = AuditAction.EXPORT, recordType = RECORD_TYPE, recordId = "#consentId")
    byte[] pdf(long patientId, long consentId) {
        patients.readablePatient(patientId);
        return jdbc.sql("SELECT pdf FROM intake_consent WHERE id = :id AND patient_id = :patient")
                .param("id", consentId).param("patient", patientId).query(byte[].class).optional()
                .orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, consentId));
    }

    ConsentView withdraw(long patientId, long consentId, String reason) {
        PatientView patient = patients.writablePatient(patientId, Privilege.PATIENT_WRITE);
        String text = reason == null ? "" : reason.trim();
        if (text.length() < 3 || text.length() > 1000) {
            throw BusinessRuleException.onField("reason", "consent.withdrawalReasonRequired");
        }
        int changed = jdbc.sql("""
                UPDATE intake_consent SET withdrawn_at = :now, withdrawn_by = :by, withdrawal_reason = :reason
                WHERE id = :id AND patient_id = :patient AND withdrawn_at IS NULL""")
                .param("now", Timestamp.from(clock.instant())).param("by", access.current().username())
                .param("reason", text).param("id", consentId).param("patient", patientId).update();
        if (changed == 0) {
            boolean exists = find(consentId).filter(c -> c.patientId() == patientId).isPresent();
            throw exists ? new BusinessRuleException("consent.alreadyWithdrawn")
                    : new RecordNotFoundException(RECORD_TYPE, consentId);
        }
        audit.record(new AuditRecord(AuditAction.CONSENT_WITHDRAW, RECORD_TYPE, String.valueOf(consentId),
                patient.clinicId(), AuditOutcome.SUCCESS, null));
        return find(consentId).orElseThrow();
    }

    Optional<Long> patientOf(long consentId) {
        return jdbc.sql("SELECT patient_id FROM intake_consent WHERE id = :id").param("id", consentId)
                .query(Long.class).optional();
    }

    private List<ConsentView> list(long patientId) {
        return new ArrayList<>(recorded.of(patientId));
    }

    private Optional<ConsentView> find(long id) {
        return jdbc.sql("SELECT " + ConsentStatus.COLUMNS + " FROM intake_consent WHERE id = :id").param("id", id)
                .query(ConsentStatus.ROW).optional();
    }

    private static String language(String language) {
        var supported = Languages.supported(language);
        if (supported == null) {
            throw BusinessRuleException.onField("language", "consent.languageUnsupported");
        }
        return supported.getLanguage();
    }

    /** A consent text to read and sign. */
    record Document(ConsentType type, int version, String language, String html) {
    }

    /** A signed consent, as lists and the API show it (never the signature or PDF bytes). */
    record ConsentView(long id, long patientId, ConsentType type, int documentVersion, String language,
            String signerName, Instant signedAt, String witnessName, Instant withdrawnAt, String withdrawalReason) {

        public boolean withdrawn() {
            return withdrawnAt != null;
        }
    }
}
