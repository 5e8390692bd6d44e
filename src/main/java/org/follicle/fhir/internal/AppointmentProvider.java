package org.follicle.fhir.internal;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Locale;

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
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.follicle.clinics.ClinicDirectory;
import org.follicle.clinics.ClinicView;
import org.follicle.patients.PatientExchange;
import org.follicle.scheduling.AppointmentBook;
import org.follicle.scheduling.AppointmentType;
import org.follicle.scheduling.AppointmentView;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Appointments: read, and booked through the calendar's own rules (the clinic's hours, the intervals). */
@Component
class AppointmentProvider implements IResourceProvider {

    private final AppointmentBook appointments;

    private final MessageSource messages;

    private final ClinicDirectory clinics;

    private final PatientExchange patients;

    AppointmentProvider(AppointmentBook appointments, MessageSource messages, ClinicDirectory clinics,
            PatientExchange patients) {
        this.appointments = appointments;
        this.messages = messages;
        this.clinics = clinics;
        this.patients = patients;
    }

    @Override
    public Class<Appointment> getResourceType() {
        return Appointment.class;
    }

    @Read
    public Appointment read(@IdParam IdType id) {
        return resource(appointments.appointment(Ids.number(id)));
    }

    /**
     * Books through the calendar's rules, as reception would: the patient, the practitioner and the clinic (its
     * Location, or the patient's clinic) as participants, the visit type as appointmentType, a start (and end).
     */
    @Create
    public MethodOutcome create(@ResourceParam Appointment resource) {
        if (resource.getStatus() != null && resource.getStatus() != Appointment.AppointmentStatus.BOOKED
                && resource.getStatus() != Appointment.AppointmentStatus.PROPOSED
                && resource.getStatus() != Appointment.AppointmentStatus.PENDING) {
            throw new UnprocessableEntityException("fhir.appointment.status");
        }
        Long patient = participant(resource, "Patient", "");
        Long practitioner = participant(resource, "Practitioner", "");
        if (patient == null || practitioner == null || !resource.hasStart()) {
            throw new UnprocessableEntityException("fhir.appointment.incomplete");
        }
        Long location = participant(resource, "Location", "");
        long clinic = location != null ? location : patients.read(patient).clinicId();
        ZoneId zone = clinics.find(clinic).map(ClinicView::zone).orElseThrow(() -> new ResourceNotFoundException(
                "Location/" + clinic));
        AppointmentView booked = appointments.book(clinic, patient, practitioner, typeOf(resource, clinic),
                LocalDateTime.ofInstant(resource.getStart().toInstant(), zone),
                resource.hasEnd() ? LocalDateTime.ofInstant(resource.getEnd().toInstant(), zone) : null,
                resource.getComment());
        Appointment created = resource(booked);
        return new MethodOutcome(created.getIdElement()).setCreated(true).setResource(created);
    }

    /** The type's code, from appointmentType's codings or its text, among the organisation's visit types. */
    private String typeOf(Appointment resource, long clinicId) {
        List<String> asked = new java.util.ArrayList<>();
        resource.getAppointmentType().getCoding().forEach(c -> asked.add(c.getCode()));
        asked.add(resource.getAppointmentType().getText());
        long organisation = clinics.find(clinicId).map(ClinicView::organisationId).orElseThrow();
        for (AppointmentType type : appointments.types(organisation)) {
            String label = messages.getMessage("appointment.type." + type.code(), null, type.code(), Locale.ENGLISH);
            if (asked.stream().anyMatch(a -> a != null && (a.equalsIgnoreCase(type.code())
                    || a.equalsIgnoreCase(label)))) {
                return type.code();
            }
        }
        throw new UnprocessableEntityException("fhir.appointment.type");
    }

    private static Long participant(Appointment resource, String type, String prefix) {
        return resource.getParticipant().stream().map(p -> p.getActor().getReferenceElement())
                .filter(r -> type.equals(r.getResourceType()) && r.getIdPart() != null)
                .map(r -> Ids.number(r.getIdPart(), prefix)).findFirst().orElse(null);
    }

    /** A patient's appointments, the latest first, by the day they start on (in the clinic's zone). */
    @Search
    public IBundleProvider search(@OptionalParam(name = Appointment.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Appointment.SP_DATE) DateRangeParam date,
            @Offset Integer offset, @Count Integer count) {
        Days days = Days.of(date);
        List<Appointment> found = appointments.ofPatient(PatientSearch.of(patient, null)).stream()
                .filter(a -> days.contains(startDay(a))).map(this::resource).toList();
        return Pages.slice(found, offset, count);
    }

    private java.time.LocalDate startDay(AppointmentView a) {
        java.time.ZoneId zone = clinics.find(a.clinicId()).map(c -> c.zone()).orElse(java.time.ZoneOffset.UTC);
        return a.startsAt().atZoneSameInstant(zone).toLocalDate();
    }

    Appointment resource(AppointmentView a) {
        Appointment appointment = new Appointment();
        appointment.setId(new IdType("Appointment", String.valueOf(a.id()), String.valueOf(a.version())));
        appointment.getMeta().setVersionId(String.valueOf(a.version()));
        appointment.setStatus(switch (a.status()) {
            case BOOKED -> Appointment.AppointmentStatus.BOOKED;
            case ATTENDED -> Appointment.AppointmentStatus.FULFILLED;
            case CANCELLED -> Appointment.AppointmentStatus.CANCELLED;
            case NO_SHOW -> Appointment.AppointmentStatus.NOSHOW;
        });
        appointment.getAppointmentType().setText(messages.getMessage("appointment.type." + a.typeCode(), null,
                a.typeCode(), Locale.ENGLISH));
        appointment.setStart(Date.from(a.startsAt().toInstant()));
        appointment.setEnd(Date.from(a.endsAt().toInstant()));
        appointment.setMinutesDuration((int) java.time.Duration.between(a.startsAt(), a.endsAt()).toMinutes());
        if (a.status() == org.follicle.scheduling.AppointmentStatus.CANCELLED && a.statusReason() != null) {
            appointment.getCancelationReason().setText(a.statusReason());
        }
        if (a.note() != null) {
            appointment.setComment(a.note());
        }
        participant(appointment, Ids.patient(a.patientId()).setDisplay(a.patientName()));
        participant(appointment, new Reference("Practitioner/" + a.practitionerId()).setDisplay(a.practitionerName()));
        participant(appointment, new Reference("Location/" + a.clinicId()));
        return appointment;
    }

    private static void participant(Appointment appointment, Reference actor) {
        appointment.addParticipant().setActor(actor).setRequired(Appointment.ParticipantRequired.REQUIRED)
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
    }
}
