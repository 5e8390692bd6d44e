package org.follicle.fhir.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.follicle.intake.IntakeExchange;
import org.follicle.intake.Modality;
import org.follicle.intake.Screening;
import org.follicle.patients.PatientExchange;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The intake: the questionnaire, the answers (read and recorded), the screening's findings, the signed consents. */
@Configuration(proxyBeanMethods = false)
class IntakeProviders {

    @Bean
    QuestionnaireProvider questionnaireProvider(IntakeExchange intake, Intakes intakes) {
        return new QuestionnaireProvider(intake, intakes);
    }

    @Bean
    ResponseProvider questionnaireResponseProvider(IntakeExchange intake, Intakes intakes, MessageSource messages) {
        return new ResponseProvider(intake, intakes, messages);
    }

    @Bean
    IssueProvider detectedIssueProvider(Screening screening, PatientExchange patients, Intakes intakes,
            Clock clock) {
        return new IssueProvider(screening, patients, intakes, clock);
    }

    @Bean
    ConsentProvider consentProvider(IntakeExchange intake, PatientExchange patients, Intakes intakes) {
        return new ConsentProvider(intake, patients, intakes);
    }

    public static class QuestionnaireProvider implements IResourceProvider {

        private final IntakeExchange intake;

        private final Intakes intakes;

        QuestionnaireProvider(IntakeExchange intake, Intakes intakes) {
            this.intake = intake;
            this.intakes = intakes;
        }

        @Override
        public Class<Questionnaire> getResourceType() {
            return Questionnaire.class;
        }

        @Read
        public Questionnaire read(@IdParam IdType id) {
            if (!id.getIdPart().equals("intake")) {
                throw new ResourceNotFoundException(id);
            }
            return intakes.questionnaire(intake.questionnaire());
        }

        @Search
        public List<Questionnaire> search(@OptionalParam(name = Questionnaire.SP_URL) UriParam url) {
            Questionnaire questionnaire = intakes.questionnaire(intake.questionnaire());
            return url == null || url.getValue().split("\\|")[0].equals(questionnaire.getUrl())
                    ? List.of(questionnaire) : List.of();
        }
    }

    public static class ResponseProvider implements IResourceProvider {

        private final IntakeExchange intake;

        private final Intakes intakes;

        private final MessageSource messages;

        ResponseProvider(IntakeExchange intake, Intakes intakes, MessageSource messages) {
            this.intake = intake;
            this.intakes = intakes;
            this.messages = messages;
        }

        @Override
        public Class<QuestionnaireResponse> getResourceType() {
            return QuestionnaireResponse.class;
        }

        @Read
        public QuestionnaireResponse read(@IdParam IdType id) {
            return intakes.response(intake.questionnaire(), intake.answers(Ids.number(id)));
        }

        /**
         * New answers to the intake questionnaire, recorded as the intake form records them (every safety question
         * answered) and screened at once; what the screening found is then read as DetectedIssue.
         */
        @Create
        public MethodOutcome create(@ResourceParam QuestionnaireResponse resource, HttpServletRequest request) {
            IntakeExchange.Form form = intake.questionnaire();
            String wanted = Intakes.QUESTIONNAIRE + "|" + form.version();
            if (!resource.hasQuestionnaire() || !(resource.getQuestionnaire().equals(wanted)
                    || resource.getQuestionnaire().equals(Intakes.QUESTIONNAIRE))) {
                throw new UnprocessableEntityException(messages.getMessage("fhir.intake.questionnaire",
                        new Object[] { form.version(), wanted }, FhirErrors.locale(request)));
            }
            if (!resource.hasSubject() || !"Patient".equals(resource.getSubject().getReferenceElement()
                    .getResourceType())) {
                throw new UnprocessableEntityException("fhir.search.subjectNotPatient");
            }
            long patient = Ids.number(resource.getSubject().getReferenceElement().getIdPart(), "");
            IntakeExchange.Answers recorded = intake.record(patient, intakes.document(form, resource));
            QuestionnaireResponse created = intakes.response(form, recorded);
            return new MethodOutcome(created.getIdElement()).setCreated(true).setResource(created);
        }

        /** Every version of a patient's answers, the latest first. */
        @Search
        public IBundleProvider search(@OptionalParam(name = QuestionnaireResponse.SP_PATIENT) ReferenceParam patient,
                @OptionalParam(name = QuestionnaireResponse.SP_SUBJECT) ReferenceParam subject,
                @Offset Integer offset, @Count Integer count) {
            IntakeExchange.Form form = intake.questionnaire();
            return Pages.slice(intake.answersOf(PatientSearch.of(patient, subject)).stream()
                    .map(a -> intakes.response(form, a)).toList(), offset, count);
        }
    }

    /** The screening as it stands today, for each treatment: its findings and the practitioner's decision. */
    public static class IssueProvider implements IResourceProvider {

        private final Screening screening;

        private final PatientExchange patients;

        private final Intakes intakes;

        private final Clock clock;

        IssueProvider(Screening screening, PatientExchange patients, Intakes intakes, Clock clock) {
            this.screening = screening;
            this.patients = patients;
            this.intakes = intakes;
            this.clock = clock;
        }

        @Override
        public Class<DetectedIssue> getResourceType() {
            return DetectedIssue.class;
        }

        @Read
        public DetectedIssue read(@IdParam IdType id) {
            String[] parts = id.getIdPart().split("-");
            if (parts.length != 3) {
                throw new ResourceNotFoundException(id);
            }
            return issuesOf(Ids.number(parts[0], "")).stream().filter(i -> i.getIdPart().equals(id.getIdPart()))
                    .findFirst().orElseThrow(() -> new ResourceNotFoundException(id));
        }

        @Search
        public IBundleProvider search(@OptionalParam(name = DetectedIssue.SP_PATIENT) ReferenceParam patient,
                @Offset Integer offset, @Count Integer count) {
            return Pages.slice(issuesOf(PatientSearch.of(patient, null)), offset, count);
        }

        List<DetectedIssue> issuesOf(long patientId) {
            patients.read(patientId);
            LocalDate today = LocalDate.now(clock);
            List<DetectedIssue> issues = new ArrayList<>();
            for (Modality modality : Modality.values()) {
                issues.addAll(intakes.issues(patientId, modality,
                        screening.screenWithReview(patientId, modality, today)));
            }
            return issues;
        }
    }

    public static class ConsentProvider implements IResourceProvider {

        private final IntakeExchange intake;

        private final PatientExchange patients;

        private final Intakes intakes;

        ConsentProvider(IntakeExchange intake, PatientExchange patients, Intakes intakes) {
            this.intake = intake;
            this.patients = patients;
            this.intakes = intakes;
        }

        @Override
        public Class<Consent> getResourceType() {
            return Consent.class;
        }

        @Read
        public Consent read(@IdParam IdType id) {
            IntakeExchange.SignedConsent signed = intake.consent(Ids.number(id));
            return consent(signed, patients.read(signed.patientId()).clinicId());
        }

        @Search
        public IBundleProvider search(@OptionalParam(name = Consent.SP_PATIENT) ReferenceParam patient,
                @Offset Integer offset, @Count Integer count) {
            long patientId = PatientSearch.of(patient, null);
            long clinic = patients.read(patientId).clinicId();
            return Pages.slice(intake.consentsOf(patientId).stream().map(c -> consent(c, clinic)).toList(), offset,
                    count);
        }

        private Consent consent(IntakeExchange.SignedConsent signed, long clinicId) {
            return intakes.consent(signed, clinicId, intake.consentPdf(signed.patientId(), signed.id()));
        }
    }
}
