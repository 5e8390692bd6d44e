package org.follicle.support;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import org.hl7.fhir.common.hapi.validation.support.CachingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Resource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HAPI's instance validator, offline, with the code systems Follicle uses loaded into it: its own (read from the
 * server, as a client would), and the SNOMED CT and ICD-10 codes of the knowledge base.
 */
public final class FhirConformance {

    public static final FhirContext FHIR = FhirContext.forR4Cached();

    private final IGenericClient client;

    private final FhirValidator validator;

    public FhirConformance(int port, String token) {
        FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        client = FHIR.newRestfulGenericClient("http://localhost:" + port + "/fhir");
        client.registerInterceptor(new BearerTokenAuthInterceptor(token));
        PrePopulatedValidationSupport codes = new PrePopulatedValidationSupport(FHIR);
        client.search().forResource(CodeSystem.class).returnBundle(Bundle.class).execute().getEntry()
                .forEach(e -> codes.addCodeSystem(e.getResource()));
        knowledgeCodes().forEach(codes::addCodeSystem);
        client.search().forResource(org.hl7.fhir.r4.model.Questionnaire.class).returnBundle(Bundle.class).execute()
                .getEntry().forEach(e -> codes.addResource(e.getResource()));
        ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(FHIR), codes,
                new CommonCodeSystemsTerminologyService(FHIR), new InMemoryTerminologyServerValidationSupport(FHIR),
                new SnapshotGeneratingValidationSupport(FHIR));
        validator = FHIR.newValidator().registerValidatorModule(new FhirInstanceValidator(
                new CachingValidationSupport(chain)));
    }

    public IGenericClient client() {
        return client;
    }

    /** Everything the API answers about the organisation's directory and these patients: bundles and resources. */
    public List<IBaseResource> crawl(Collection<Long> patientIds) {
        List<IBaseResource> found = new ArrayList<>();
        found.add(client.capabilities().ofType(org.hl7.fhir.r4.model.CapabilityStatement.class).execute());
        for (String search : List.of("Organization", "Location", "Practitioner", "CodeSystem", "Questionnaire",
                "Schedule")) {
            collect(search, found);
        }
        found.stream().filter(r -> r.fhirType().equals("Schedule")).findFirst().ifPresent(schedule -> collect(
                "Slot?service-type=CONSULTATION&schedule=Schedule/" + schedule.getIdElement().getIdPart(), found));
        for (long patient : patientIds) {
            found.add(client.read().resource("Patient").withId(String.valueOf(patient)).execute());
            found.add(client.operation().onInstance("Patient/" + patient).named("$everything").withNoParameters(
                    org.hl7.fhir.r4.model.Parameters.class).returnResourceType(Bundle.class).useHttpGet().execute());
            for (String search : List.of("DiagnosticReport?_include=DiagnosticReport:result&patient=",
                    "Observation?_count=100&patient=", "Condition?patient=", "Appointment?patient=",
                    "Encounter?patient=", "Procedure?patient=", "MedicationAdministration?_count=100&patient=",
                    "Provenance?patient=", "AdverseEvent?subject=", "QuestionnaireResponse?patient=",
                    "DetectedIssue?patient=", "Consent?patient=", "Media?patient=",
                    "CarePlan?patient=")) {
                collect(search + patient, found);
            }
        }
        return found;
    }

    private void collect(String search, List<IBaseResource> found) {
        Bundle bundle = client.search().byUrl(search).returnBundle(Bundle.class).execute();
        found.add(bundle);
        bundle.getEntry().forEach(e -> found.add(e.getResource()));
    }

    /** Each error the validator finds, as type/id: message at location. */
    public List<String> errors(IBaseResource resource) {
        String name = resource.fhirType() + "/" + ((Resource) resource).getIdPart();
        return validator.validateWithResult(resource).getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .map(m -> name + ": " + m.getMessage() + " at " + m.getLocationString()).toList();
    }

    /** The SNOMED CT and ICD-10 codes the diagnoses use, and SNOMED's scalp structure (as fragments). */
    private static List<CodeSystem> knowledgeCodes() {
        CodeSystem snomed = fragment("http://snomed.info/sct");
        snomed.addConcept().setCode("41695006").setDisplay("Scalp structure");
        CodeSystem icd10 = fragment("http://hl7.org/fhir/sid/icd-10");
        // The consent category of FHIR's consent examples and its value set.
        CodeSystem loinc = fragment("http://loinc.org");
        loinc.addConcept().setCode("59284-0").setDisplay("Patient Consent");
        try (InputStream in = FhirConformance.class.getResourceAsStream("/knowledge/diagnoses.json")) {
            JsonNode categories = JsonMapper.builder().build().readTree(in).get("categories");
            for (JsonNode category : categories) {
                add(snomed, category.get("snomed"));
                add(icd10, category.get("icd10"));
            }
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return List.of(snomed, icd10, loinc);
    }

    private static void add(CodeSystem system, JsonNode code) {
        if (code != null && !code.isNull() && system.getConcept().stream()
                .noneMatch(c -> c.getCode().equals(code.asString()))) {
            system.addConcept().setCode(code.asString());
        }
    }

    private static CodeSystem fragment(String url) {
        CodeSystem system = new CodeSystem();
        system.setUrl(url);
        system.setStatus(Enumerations.PublicationStatus.ACTIVE);
        system.setContent(CodeSystem.CodeSystemContentMode.FRAGMENT);
        return system;
    }
}
