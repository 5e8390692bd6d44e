package org.follicle.fhir.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.follicle.diagnosis.DiagnosisExchange;
import org.follicle.diagnosis.DiagnosisExchange.Trichoscopy;
import org.follicle.intake.IntakeExchange;
import org.follicle.patients.PatientExchange;
import org.follicle.patients.PatientView;
import org.follicle.scheduling.AppointmentBook;
import org.follicle.sessions.SessionExchange;
import org.follicle.sessions.SessionExchange.Treatment;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * Everything Follicle holds about one patient, as FHIR resources ({@code Patient/$everything}): the record itself,
 * what it refers to (clinic, organisation, practitioners), and every clinical resource whose subject is the patient.
 * Each part is read through its module's facade, checked and audited there.
 */
@Component
class PatientRecord {

    private final PatientExchange patients;

    private final DiagnosisExchange diagnosis;

    private final SessionExchange sessions;

    private final AppointmentBook appointments;

    private final Trichoscopies trichoscopies;

    private final Treatments treatments;

    private final ConditionProvider conditions;

    private final AppointmentProvider appointmentResources;

    private final DirectoryProviders.OrganizationProvider organisations;

    private final DirectoryProviders.LocationProvider locations;

    private final DirectoryProviders.PractitionerProvider practitioners;

    private final IntakeExchange intake;

    private final Intakes intakes;

    private final IntakeProviders.IssueProvider issues;

    private final MediaProviders.MediaProvider media;

    private final CarePlanProvider carePlans;

    PatientRecord(PatientExchange patients, DiagnosisExchange diagnosis, SessionExchange sessions,
            AppointmentBook appointments, Trichoscopies trichoscopies, Treatments treatments,
            ConditionProvider conditions, AppointmentProvider appointmentResources,
            DirectoryProviders.OrganizationProvider organisations, DirectoryProviders.LocationProvider locations,
            DirectoryProviders.PractitionerProvider practitioners, IntakeExchange intake, Intakes intakes,
            IntakeProviders.IssueProvider issues, MediaProviders.MediaProvider media, CarePlanProvider carePlans) {
        this.carePlans = carePlans;
        this.media = media;
        this.intake = intake;
        this.intakes = intakes;
        this.issues = issues;
        this.patients = patients;
        this.diagnosis = diagnosis;
        this.sessions = sessions;
        this.appointments = appointments;
        this.trichoscopies = trichoscopies;
        this.treatments = treatments;
        this.conditions = conditions;
        this.appointmentResources = appointmentResources;
        this.organisations = organisations;
        this.locations = locations;
        this.practitioners = practitioners;
    }

    /** The patient's resources; {@code types} keeps only these resource types (all when empty). */
    List<Resource> everything(long patientId, Set<String> types) {
        PatientView patient = patients.read(patientId);
        List<Resource> all = new ArrayList<>();
        all.add(PatientProvider.resource(patient));
        all.add(organisations.read(new org.hl7.fhir.r4.model.IdType(Ids.CLINIC + patient.clinicId())));
        all.add(organisations.read(new org.hl7.fhir.r4.model.IdType(Ids.ORGANISATION + patient.organisationId())));
        all.add(locations.read(new org.hl7.fhir.r4.model.IdType(String.valueOf(patient.clinicId()))));
        Set<Long> practitionerIds = new LinkedHashSet<>();
        for (Trichoscopy assessment : diagnosis.trichoscopies(patientId)) {
            all.add(trichoscopies.report(assessment, false));
            all.addAll(trichoscopies.observations(assessment));
        }
        all.addAll(conditions.conditionsOf(patientId));
        diagnosis.photos(patientId).forEach(photo -> all.add(media.media(photo)));
        all.addAll(carePlans.carePlansOf(patientId));
        appointments.ofPatient(patientId).forEach(a -> {
            practitionerIds.add(a.practitionerId());
            all.add(appointmentResources.resource(a));
        });
        for (Treatment t : sessions.treatmentsOf(patientId)) {
            practitionerIds.add(t.practitionerId());
            all.add(treatments.encounter(t));
            all.add(treatments.procedure(t));
            all.addAll(treatments.administrations(t));
            if (t.signed()) {
                all.add(treatments.provenance(t));
            }
        }
        sessions.sideEffectsOf(patientId).forEach(e -> all.add(treatments.adverseEvent(e)));
        IntakeExchange.Form form = intake.questionnaire();
        all.add(intakes.questionnaire(form));
        intake.answersOf(patientId).forEach(a -> all.add(intakes.response(form, a)));
        all.addAll(issues.issuesOf(patientId));
        intake.consentsOf(patientId).forEach(c -> all.add(intakes.consent(c, patient.clinicId(),
                intake.consentPdf(patientId, c.id()))));
        for (long id : practitionerIds) {
            all.add(practitioners.read(new org.hl7.fhir.r4.model.IdType(String.valueOf(id))));
        }
        return types.isEmpty() ? all : all.stream().filter(r -> types.contains(r.fhirType())).toList();
    }
}
