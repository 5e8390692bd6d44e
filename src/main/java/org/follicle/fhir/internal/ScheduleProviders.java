package org.follicle.fhir.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.follicle.scheduling.Agenda;
import org.follicle.scheduling.AppointmentBook;
import org.follicle.scheduling.AppointmentType;
import org.follicle.security.ClinicAccess;
import org.follicle.security.ClinicCatalog;
import org.follicle.security.ClinicRef;
import org.follicle.security.StaffDirectory;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where an appointment may be booked: a Schedule per practitioner and clinic ({@code Schedule/<clinic>-<staff>}),
 * and its free Slots for a visit type, from the calendar's own free time (opening and working hours, closures,
 * bookings). A slot is offered, not held: booking it (Appointment create) checks again.
 */
@Configuration(proxyBeanMethods = false)
class ScheduleProviders {

    /** The longest stretch one slot search covers. */
    static final int MOST_DAYS = 31;

    @Bean
    ScheduleProvider scheduleProvider(ClinicAccess access, ClinicCatalog catalog, StaffDirectory staff) {
        return new ScheduleProvider(access, catalog, staff);
    }

    @Bean
    SlotProvider slotProvider(ClinicAccess access, ClinicCatalog catalog, StaffDirectory staff,
            AppointmentBook appointments, MessageSource messages) {
        return new SlotProvider(access, catalog, staff, appointments, messages);
    }

    /** A practitioner's calendar in a clinic of the user's organisation; 404 for anything else. */
    record Calendar(ClinicRef clinic, StaffDirectory.StaffMember practitioner) {

        static Calendar of(String id, ClinicAccess access, ClinicCatalog catalog, StaffDirectory staff) {
            String[] parts = id == null ? new String[0] : id.split("-");
            if (parts.length != 2) {
                throw new ResourceNotFoundException("Schedule/" + id);
            }
            ClinicRef clinic = DirectoryProviders.ownClinic(access, catalog, Ids.number(parts[0], ""));
            long practitioner = Ids.number(parts[1], "");
            if (!staff.isPractitionerIn(practitioner, clinic.id())) {
                throw new ResourceNotFoundException("Schedule/" + id);
            }
            return new Calendar(clinic, staff.find(practitioner).orElseThrow());
        }

        String id() {
            return clinic.id() + "-" + practitioner.id();
        }

        Schedule resource() {
            Schedule schedule = new Schedule();
            schedule.setId(id());
            schedule.setActive(true);
            schedule.addActor(new Reference("Practitioner/" + practitioner.id()).setDisplay(practitioner.displayName()));
            schedule.addActor(new Reference("Location/" + clinic.id()).setDisplay(clinic.name()));
            return schedule;
        }
    }

    public static class ScheduleProvider implements IResourceProvider {

        private final ClinicAccess access;

        private final ClinicCatalog catalog;

        private final StaffDirectory staff;

        ScheduleProvider(ClinicAccess access, ClinicCatalog catalog, StaffDirectory staff) {
            this.access = access;
            this.catalog = catalog;
            this.staff = staff;
        }

        @Override
        public Class<Schedule> getResourceType() {
            return Schedule.class;
        }

        @Read
        public Schedule read(@IdParam IdType id) {
            return Calendar.of(id.getIdPart(), access, catalog, staff).resource();
        }

        /** The calendars of the practitioners of the user's clinics. */
        @Search
        public IBundleProvider search(@Offset Integer offset, @Count Integer count) {
            List<Schedule> all = new ArrayList<>();
            for (long clinicId : access.current().clinicIds()) {
                ClinicRef clinic = DirectoryProviders.ownClinic(access, catalog, clinicId);
                staff.practitionersOf(clinicId).forEach(p -> all.add(new Calendar(clinic, p).resource()));
            }
            return Pages.slice(all, offset, count);
        }
    }

    public static class SlotProvider implements IResourceProvider {

        private final ClinicAccess access;

        private final ClinicCatalog catalog;

        private final StaffDirectory staff;

        private final AppointmentBook appointments;

        private final MessageSource messages;

        SlotProvider(ClinicAccess access, ClinicCatalog catalog, StaffDirectory staff, AppointmentBook appointments,
                MessageSource messages) {
            this.access = access;
            this.catalog = catalog;
            this.staff = staff;
            this.appointments = appointments;
            this.messages = messages;
        }

        @Override
        public Class<Slot> getResourceType() {
            return Slot.class;
        }

        /**
         * The free starts of a visit type ({@code service-type}, the organisation's type code) on the schedule,
         * between two days ({@code start}; a week from today when not given, a month at the most).
         */
        @Search
        public IBundleProvider search(@RequiredParam(name = Slot.SP_SCHEDULE) ReferenceParam schedule,
                @RequiredParam(name = Slot.SP_SERVICE_TYPE) TokenParam serviceType,
                @OptionalParam(name = Slot.SP_START) DateRangeParam start, @Offset Integer offset,
                @Count Integer count) {
            Calendar calendar = Calendar.of(schedule.getIdPart(), access, catalog, staff);
            AppointmentType type = appointments.types(calendar.clinic().organisationId()).stream()
                    .filter(t -> t.code().equalsIgnoreCase(serviceType.getValue())).findFirst()
                    .orElseThrow(() -> new InvalidRequestException("fhir.appointment.type"));
            Days days = Days.of(start);
            LocalDate today = LocalDate.now(calendar.clinic().zone());
            LocalDate from = days.from() == null || days.from().isBefore(today) ? today : days.from();
            LocalDate until = days.until() == null ? from.plusDays(7) : days.until();
            if (until.isAfter(from.plusDays(MOST_DAYS))) {
                throw new InvalidRequestException("fhir.slot.range");
            }
            List<Slot> slots = new ArrayList<>();
            if (until.isAfter(from)) {
                Agenda agenda = appointments.agenda(calendar.clinic().id(), calendar.practitioner().id(), null, from,
                        until.minusDays(1));
                Duration length = Duration.ofMinutes(type.durationMinutes());
                for (LocalDate day = from; day.isBefore(until); day = day.plusDays(1)) {
                    for (ZonedDateTime free : agenda.freeStarts(day, length)) {
                        slots.add(slot(calendar, type, free, length));
                    }
                }
            }
            return Pages.slice(slots, offset, count);
        }

        private Slot slot(Calendar calendar, AppointmentType type, ZonedDateTime start, Duration length) {
            Slot slot = new Slot();
            slot.setId(calendar.id() + "-" + type.code().toLowerCase(Locale.ROOT).replace('_', '-') + "-"
                    + start.toEpochSecond() / 60);
            slot.setSchedule(new Reference("Schedule/" + calendar.id()));
            slot.setStatus(Slot.SlotStatus.FREE);
            slot.addServiceType().setText(messages.getMessage("appointment.type." + type.code(), null, type.code(),
                    Locale.ENGLISH));
            slot.setStart(Date.from(start.toInstant()));
            slot.setEnd(Date.from(start.plus(length).toInstant()));
            return slot;
        }
    }
}
