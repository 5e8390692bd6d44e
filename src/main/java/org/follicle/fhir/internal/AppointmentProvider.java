package org.follicle.fhir.internal;

import java.util.Date;
import java.util.List;
import java.util.Locale;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.follicle.clinics.ClinicDirectory;
import org.follicle.scheduling.AppointmentBook;
import org.follicle.scheduling.AppointmentView;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Appointments, read only here: booking stays with the calendar's rules (the clinic's hours, the intervals). */
@Component
class AppointmentProvider implements IResourceProvider {

    private final AppointmentBook appointments;

    private final MessageSource messages;

    private final ClinicDirectory clinics;

    AppointmentProvider(AppointmentBook appointments, MessageSource messages, ClinicDirectory clinics) {
        this.appointments = appointments;
        this.messages = messages;
        this.clinics = clinics;
    }

    @Override
    public Class<Appointment> getResourceType() {
        return Appointment.class;
    }

    @Read
    public Appointment read(@IdParam IdType id) {
        return resource(appointments.appointment(Ids.number(id)));
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
