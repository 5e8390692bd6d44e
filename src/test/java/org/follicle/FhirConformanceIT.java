package org.follicle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.follicle.support.FhirConformance;
import org.follicle.support.FollicleIntegrationTest;
import org.follicle.support.StaffFixture;
import org.follicle.support.StaffFixture.Staff;
import org.follicle.system.DemoDataContributor;
import org.follicle.system.internal.DemoClinic;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Every resource the FHIR API gives about the demo clinic validates with HAPI's validator, without an error. */
@FollicleIntegrationTest
class FhirConformanceIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<DemoDataContributor> contributors;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Environment environment;

    @Test
    void everyResourceAboutTheDemoClinicValidates() {
        DemoClinic.load(contributors, jdbc, transaction, environment);
        long admin = jdbc.sql("SELECT id FROM security_staff WHERE username = 'admin'").query(Long.class).single();
        FhirConformance fhir = new FhirConformance(port, fixture.token(new Staff(admin, "admin")));
        List<Long> patients = jdbc.sql("""
                SELECT p.id FROM patients_patient p JOIN clinics_organisation o ON o.id = p.organisation_id
                WHERE o.name = 'Demo Hair Clinics' ORDER BY p.id""").query(Long.class).list();

        List<IBaseResource> resources = fhir.crawl(patients);
        List<String> errors = new ArrayList<>();
        resources.forEach(r -> errors.addAll(fhir.errors(r)));

        assertThat(resources).extracting(IBaseResource::fhirType).contains("Patient", "DiagnosticReport",
                "Observation", "Condition", "Appointment", "Organization", "Location", "Practitioner", "CodeSystem",
                "Encounter", "Procedure", "MedicationAdministration", "Provenance", "AdverseEvent", "Questionnaire",
                "QuestionnaireResponse", "DetectedIssue", "Consent", "CarePlan", "Schedule", "Slot");
        assertThat(errors).isEmpty();
        // What a recall asks: who received a lot, found by its number; the side effect names the same lot.
        MedicationAdministration given = resources.stream().filter(MedicationAdministration.class::isInstance)
                .map(MedicationAdministration.class::cast).filter(MedicationAdministration::hasContained).findFirst()
                .orElseThrow();
        Medication lot = given.getContained().stream().filter(r -> r.getIdPart().startsWith("lot-"))
                .map(Medication.class::cast).findFirst().orElseThrow();
        Bundle received = fhir.client().search().byUrl("MedicationAdministration?patient="
                + given.getSubject().getReferenceElement().getIdPart() + "&lot=" + lot.getBatch().getLotNumber())
                .returnBundle(Bundle.class).execute();
        assertThat(received.getEntry()).isNotEmpty();
        AdverseEvent bruising = resources.stream().filter(AdverseEvent.class::isInstance).map(AdverseEvent.class::cast)
                .findFirst().orElseThrow();
        assertThat(bruising.getContained()).extracting(r -> ((Medication) r).getBatch().getLotNumber())
                .contains(lot.getBatch().getLotNumber());
        // The validator does find errors: an observation without its status and with a code unknown to its system.
        org.hl7.fhir.r4.model.Observation broken = new org.hl7.fhir.r4.model.Observation();
        broken.setId("broken");
        broken.getCode().addCoding().setSystem("https://follicle.org/fhir/CodeSystem/trichoscopy").setCode("nonsense");
        assertThat(fhir.errors(broken)).hasSizeGreaterThanOrEqualTo(2);
    }
}
