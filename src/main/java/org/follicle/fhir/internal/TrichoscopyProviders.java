package org.follicle.fhir.internal;

import java.util.List;
import java.util.Set;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.follicle.diagnosis.DiagnosisExchange;
import org.follicle.diagnosis.DiagnosisExchange.Trichoscopy;
import org.follicle.intake.IntakeExchange;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Trichoscopy read only: reports, their observations, and Follicle's code systems. */
@Configuration(proxyBeanMethods = false)
class TrichoscopyProviders {

    @Bean
    ReportProvider diagnosticReportProvider(DiagnosisExchange diagnosis, Trichoscopies trichoscopies) {
        return new ReportProvider(diagnosis, trichoscopies);
    }

    @Bean
    ObservationProvider observationProvider(DiagnosisExchange diagnosis, Trichoscopies trichoscopies) {
        return new ObservationProvider(diagnosis, trichoscopies);
    }

    @Bean
    CodeSystemProvider codeSystemProvider(DiagnosisExchange diagnosis, Trichoscopies trichoscopies,
            IntakeExchange intake, Intakes intakes) {
        return new CodeSystemProvider(diagnosis, trichoscopies, intake, intakes);
    }

    public static class ReportProvider implements IResourceProvider {

        private final DiagnosisExchange diagnosis;

        private final Trichoscopies trichoscopies;

        ReportProvider(DiagnosisExchange diagnosis, Trichoscopies trichoscopies) {
            this.diagnosis = diagnosis;
            this.trichoscopies = trichoscopies;
        }

        @Override
        public Class<DiagnosticReport> getResourceType() {
            return DiagnosticReport.class;
        }

        @Read
        public DiagnosticReport read(@IdParam IdType id) {
            return trichoscopies.report(diagnosis.trichoscopy(Ids.number(id)), false);
        }

        /** A patient's reports; {@code _include=DiagnosticReport:result} brings their observations along. */
        @Search
        public IBundleProvider search(@OptionalParam(name = DiagnosticReport.SP_PATIENT) ReferenceParam patient,
                @OptionalParam(name = DiagnosticReport.SP_SUBJECT) ReferenceParam subject,
                @OptionalParam(name = DiagnosticReport.SP_DATE) DateRangeParam date,
                @IncludeParam(allow = { "DiagnosticReport:result" }) Set<Include> includes,
                @Offset Integer offset, @Count Integer count) {
            Days days = Days.of(date);
            boolean withResults = includes != null && !includes.isEmpty();
            List<DiagnosticReport> reports = diagnosis.trichoscopies(PatientSearch.of(patient, subject)).stream()
                    .filter(a -> days.contains(a.assessedOn())).map(a -> trichoscopies.report(a, withResults))
                    .toList();
            return Pages.slice(reports, offset, count);
        }
    }

    public static class ObservationProvider implements IResourceProvider {

        private final DiagnosisExchange diagnosis;

        private final Trichoscopies trichoscopies;

        ObservationProvider(DiagnosisExchange diagnosis, Trichoscopies trichoscopies) {
            this.diagnosis = diagnosis;
            this.trichoscopies = trichoscopies;
        }

        @Override
        public Class<Observation> getResourceType() {
            return Observation.class;
        }

        @Read
        public Observation read(@IdParam IdType id) {
            Trichoscopy assessment = diagnosis.trichoscopy(Trichoscopies.assessmentOf(id.getIdPart()));
            return trichoscopies.observation(assessment, id.getIdPart());
        }

        /**
         * A patient's measures, by code, date and scalp site ({@code body-site}, which R4 lacks: a token on the
         * Follicle scalp site, or on SNOMED's scalp structure for every site).
         */
        @Search
        public IBundleProvider search(@OptionalParam(name = Observation.SP_PATIENT) ReferenceParam patient,
                @OptionalParam(name = Observation.SP_SUBJECT) ReferenceParam subject,
                @OptionalParam(name = Observation.SP_CODE) TokenOrListParam code,
                @OptionalParam(name = Observation.SP_DATE) DateRangeParam date,
                @OptionalParam(name = "body-site") TokenOrListParam bodySite,
                @Offset Integer offset, @Count Integer count) {
            Days days = Days.of(date);
            List<Observation> found = diagnosis.trichoscopies(PatientSearch.of(patient, subject)).stream()
                    .filter(a -> days.contains(a.assessedOn()))
                    .flatMap(a -> trichoscopies.observations(a).stream())
                    .filter(o -> matches(code, o.getCode().getCoding()))
                    .filter(o -> matches(bodySite, o.getBodySite().getCoding())).toList();
            return Pages.slice(found, offset, count);
        }

        private static boolean matches(TokenOrListParam tokens, List<Coding> codings) {
            if (tokens == null) {
                return true;
            }
            for (TokenParam token : tokens.getValuesAsQueryTokens()) {
                for (Coding coding : codings) {
                    boolean system = token.getSystem() == null || token.getSystem().isEmpty()
                            || token.getSystem().equals(coding.getSystem());
                    if (system && (token.getValue() == null || token.getValue().equals(coding.getCode()))) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    public static class CodeSystemProvider implements IResourceProvider {

        private final DiagnosisExchange diagnosis;

        private final Trichoscopies trichoscopies;

        private final IntakeExchange intake;

        private final Intakes intakes;

        CodeSystemProvider(DiagnosisExchange diagnosis, Trichoscopies trichoscopies, IntakeExchange intake,
                Intakes intakes) {
            this.diagnosis = diagnosis;
            this.trichoscopies = trichoscopies;
            this.intake = intake;
            this.intakes = intakes;
        }

        @Override
        public Class<CodeSystem> getResourceType() {
            return CodeSystem.class;
        }

        @Read
        public CodeSystem read(@IdParam IdType id) {
            return all().stream().filter(c -> c.getIdPart().equals(id.getIdPart())).findFirst()
                    .orElseThrow(() -> new ResourceNotFoundException(id));
        }

        @Search
        public List<CodeSystem> search(@OptionalParam(name = CodeSystem.SP_URL) UriParam url) {
            return all().stream().filter(c -> url == null || c.getUrl().equals(url.getValue())).toList();
        }

        private List<CodeSystem> all() {
            List<CodeSystem> all = new java.util.ArrayList<>(trichoscopies.codeSystems(diagnosis.sites()));
            all.add(intakes.answerCodes(intake.questionnaire()));
            return all;
        }
    }
}
