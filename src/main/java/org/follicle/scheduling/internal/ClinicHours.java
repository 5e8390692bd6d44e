package org.follicle.scheduling.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.follicle.clinics.ClinicView;
import org.follicle.scheduling.AppointmentType;
import org.follicle.scheduling.AppointmentTypeChanged;
import org.follicle.security.AuditAction;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditOutcome;
import org.follicle.security.AuditRecord;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.follicle.security.StaffDirectory;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.StaleRecordException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A clinic's calendar settings, changed by its managers (audited): hours, closures, appointment types. */
@Service
@Transactional
class ClinicHours {

    private final SchedulingSettings settings;

    private final Bookings bookings;

    private final StaffDirectory staff;

    private final ClinicAccess access;

    private final AuditLog audit;

    private final ApplicationEventPublisher events;

    ClinicHours(SchedulingSettings settings, Bookings bookings, StaffDirectory staff, ClinicAccess access,
            AuditLog audit,
            ApplicationEventPublisher events) {
        this.events = events;
        this.settings = settings;
        this.bookings = bookings;
        this.staff = staff;
        this.access = access;
        this.audit = audit;
    }

    Week week(long clinicId) {
        bookings.clinicWith(clinicId, Privilege.CLINIC_READ);
        return new Week(hours(settings.openingHours(clinicId)), settings.closures(clinicId));
    }

    void setOpeningHours(long clinicId, List<Hours> hours) {
        ClinicView clinic = bookings.clinicWith(clinicId, Privilege.CLINIC_MANAGE);
        settings.replaceOpeningHours(clinic.id(), rows(hours));
        changed(clinic.id(), "opening-hours");
    }

    void setWorkingHours(long clinicId, long practitionerId, List<Hours> hours) {
        ClinicView clinic = bookings.clinicWith(clinicId, Privilege.CLINIC_MANAGE);
        requirePractitioner(clinic.id(), practitionerId);
        settings.replaceWorkingHours(clinic.id(), practitionerId, rows(hours));
        changed(clinic.id(), "working-hours " + practitionerId);
    }

    List<Hours> workingHours(long clinicId, long practitionerId) {
        bookings.clinicWith(clinicId, Privilege.CLINIC_READ);
        requirePractitioner(clinicId, practitionerId);
        return hours(settings.workingHours(clinicId, practitionerId));
    }

    void addClosure(long clinicId, Closure closure) {
        ClinicView clinic = bookings.clinicWith(clinicId, Privilege.CLINIC_MANAGE);
        settings.addClosure(clinic.id(), closure.day(), closure.reason().trim());
        changed(clinic.id(), "closure " + closure.day());
    }

    void removeClosure(long clinicId, LocalDate day) {
        ClinicView clinic = bookings.clinicWith(clinicId, Privilege.CLINIC_MANAGE);
        if (!settings.removeClosure(clinic.id(), day)) {
            throw BusinessRuleException.onField("day", "closure.unknown", day);
        }
        changed(clinic.id(), "closure removed " + day);
    }

    AppointmentType updateType(String code, int version, TypeChange change) {
        long org = manager();
        if (bookings.types(org).stream().noneMatch(t -> t.code().equals(code))) {
            throw new org.follicle.system.RecordNotFoundException("appointment-type", code);
        }
        if (!settings.updateType(org, code, change.durationMinutes(), change.minimumIntervalDays(), change.price(),
                change.currency(), version)) {
            throw new StaleRecordException("appointment-type", code);
        }
        audit.record(new AuditRecord(AuditAction.SETTINGS_CHANGE, "appointment-type", code, null,
                AuditOutcome.SUCCESS, null));
        events.publishEvent(new AppointmentTypeChanged(org, code));
        return bookings.types(org).stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
    }

    int aftercareHours() {
        return settings.aftercareHours(access.current().organisationId());
    }

    /** How long after a treatment the aftercare advice asks the patient to wait, for the organisation. */
    int setAftercareHours(int hours) {
        long org = manager();
        if (hours < 1 || hours > 336) {
            throw BusinessRuleException.onField("aftercareHours", "settings.aftercareHoursRange", 1, 336);
        }
        settings.setAftercareHours(org, hours);
        audit.record(new AuditRecord(AuditAction.SETTINGS_CHANGE, "message-settings", String.valueOf(org), null,
                AuditOutcome.SUCCESS, "aftercare " + hours + " hours"));
        return hours;
    }

    /** How long before an appointment a patient may still cancel it on the portal. */
    int cancellationNoticeHours() {
        return (int) settings.cancellationNotice(access.current().organisationId()).toHours();
    }

    int setCancellationNoticeHours(int hours) {
        long org = manager();
        if (hours < 0 || hours > 336) {
            throw BusinessRuleException.onField("cancellationNoticeHours", "settings.cancellationNoticeRange", 0, 336);
        }
        settings.setCancellationNotice(org, hours);
        audit.record(new AuditRecord(AuditAction.SETTINGS_CHANGE, "message-settings", String.valueOf(org), null,
                AuditOutcome.SUCCESS, "cancellation notice " + hours + " hours"));
        return hours;
    }

    int preCareDays() {
        return settings.preCareDays(access.current().organisationId());
    }

    /** How many days before a treatment the pre-care email goes (aspirin, anti-inflammatories), for the organisation. */
    int setPreCareDays(int days) {
        long org = manager();
        if (days < 1 || days > 30) {
            throw BusinessRuleException.onField("preCareDays", "settings.preCareDaysRange", 1, 30);
        }
        settings.setPreCareDays(org, days);
        audit.record(new AuditRecord(AuditAction.SETTINGS_CHANGE, "message-settings", String.valueOf(org), null,
                AuditOutcome.SUCCESS, "pre-care " + days + " days"));
        return days;
    }

    /** A practitioner of the clinic; another clinic's staff are not found. */
    private void requirePractitioner(long clinicId, long practitionerId) {
        if (!staff.isPractitionerIn(practitionerId, clinicId)) {
            throw new org.follicle.system.RecordNotFoundException("practitioner", practitionerId);
        }
    }

    private long manager() {
        if (access.clinicsWith(Privilege.CLINIC_MANAGE).isEmpty()) {
            throw new org.springframework.security.access.AccessDeniedException("CLINIC_MANAGE");
        }
        return access.current().organisationId();
    }

    private void changed(long clinicId, String what) {
        audit.record(new AuditRecord(AuditAction.SETTINGS_CHANGE, "clinic-calendar", String.valueOf(clinicId),
                clinicId, AuditOutcome.SUCCESS, what));
    }

    private static List<SchedulingSettings.WeeklyHours> rows(List<Hours> hours) {
        for (Hours h : hours) {
            if (!h.to().isAfter(h.from())) {
                throw BusinessRuleException.onField("hours", "hours.endBeforeStart", h.from(), h.to());
            }
        }
        return hours.stream().map(h -> new SchedulingSettings.WeeklyHours(h.dayOfWeek(), h.from(), h.to())).toList();
    }

    private static List<Hours> hours(java.util.Map<java.time.DayOfWeek, List<org.follicle.scheduling.Agenda.Hours>> week) {
        return week.entrySet().stream().flatMap(e -> e.getValue().stream()
                .map(h -> new Hours(e.getKey().getValue(), h.from(), h.to()))).toList();
    }

    /** Hours of a weekday, ISO numbered (1 = Monday). */
    record Hours(@NotNull @Min(1) @Max(7) Integer dayOfWeek, @NotNull java.time.LocalTime from,
            @NotNull java.time.LocalTime to) {
    }

    record Closure(@NotNull LocalDate day, @NotBlank @Size(max = 200) String reason) {
    }

    record Week(List<Hours> openingHours, List<SchedulingSettings.Closure> closures) {
    }

    record TypeChange(@NotNull @Min(5) @Max(480) Integer durationMinutes, @NotNull @Min(0) @Max(365)
            Integer minimumIntervalDays, @jakarta.validation.constraints.DecimalMin("0") BigDecimal price,
            @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {
    }

    /** For {@code @Valid} on lists in the controller. */
    record HoursList(@NotNull @Size(max = 50) List<@Valid @NotNull Hours> hours) {
    }
}
