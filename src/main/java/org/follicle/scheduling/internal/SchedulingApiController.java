package org.follicle.scheduling.internal;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.follicle.messaging.PatientMessage;
import org.follicle.messaging.PatientMessages;
import org.follicle.scheduling.AppointmentType;
import org.follicle.scheduling.AppointmentView;
import org.follicle.system.ETags;
import org.follicle.system.Retries;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Appointments, the waiting list, clinic hours and appointment types on the JSON API. */
@RestController
@Validated
@Tag(name = "Calendar")
class SchedulingApiController {

    private final Bookings bookings;

    private final AppointmentStore store;

    private final PatientMessages outbox;

    private final WaitingList waiting;

    private final ClinicHours hours;

    private final CalendarFeeds feeds;

    SchedulingApiController(Bookings bookings, AppointmentStore store, PatientMessages outbox, WaitingList waiting,
            ClinicHours hours, CalendarFeeds feeds) {
        this.bookings = bookings;
        this.store = store;
        this.outbox = outbox;
        this.waiting = waiting;
        this.hours = hours;
        this.feeds = feeds;
    }

    @GetMapping("/api/v1/appointments")
    @Operation(summary = "A clinic's appointments from one day to another (at most 62 days, clinic time), by start; "
            + "filter by practitioner and room; cancelled=true adds cancelled and missed ones")
    List<AppointmentView> appointments(@RequestParam long clinic,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long practitioner, @RequestParam(required = false) Long room,
            @RequestParam(defaultValue = "false") boolean cancelled) {
        return bookings.calendar(clinic, from, to, practitioner, room, cancelled);
    }

    @PostMapping("/api/v1/appointments")
    @Operation(summary = "Book an appointment (start and optional end are wall-clock times in the clinic). Refused "
            + "when someone would be double-booked, outside hours, on a closure, in the past; a treatment is refused "
            + "when the screening says not eligible or deferred, or the minimum interval is broken, unless a "
            + "practitioner gives overrideReason (audited)")
    ResponseEntity<Bookings.Booked> book(@Valid @RequestBody BookingInputs.Appointment body) {
        Bookings.Booked booked = Retries.onConcurrencyFailure(() -> bookings.book(body));
        return ResponseEntity.created(URI.create("/api/v1/appointments/" + booked.appointment().id()))
                .eTag(ETags.of(booked.appointment().version())).body(booked);
    }

    @GetMapping("/api/v1/appointments/{id}")
    @Operation(summary = "One appointment; its ETag goes in If-Match to move or close it")
    ResponseEntity<AppointmentView> appointment(@PathVariable long id) {
        AppointmentView a = bookings.visible(id).view();
        return ResponseEntity.ok().eTag(ETags.of(a.version())).body(a);
    }

    @PostMapping("/api/v1/appointments/{id}/move")
    @Operation(summary = "Move an appointment (If-Match required), with the checks of a booking; a plan's later "
            + "sessions adapt")
    ResponseEntity<Bookings.Booked> move(@PathVariable long id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody BookingInputs.Move body) {
        int version = ETags.requireVersion(ifMatch, Bookings.APPOINTMENT, id);
        Bookings.Booked moved = Retries.onConcurrencyFailure(() -> bookings.move(id, version, body));
        return ResponseEntity.ok().eTag(ETags.of(moved.appointment().version())).body(moved);
    }

    @PostMapping("/api/v1/appointments/{id}/status")
    @Operation(summary = "Cancel (with a reason), mark missed (NO_SHOW) or attended (If-Match required)")
    ResponseEntity<AppointmentView> close(@PathVariable long id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody BookingInputs.Outcome body) {
        AppointmentView a = bookings.close(id, ETags.requireVersion(ifMatch, Bookings.APPOINTMENT, id), body);
        return ResponseEntity.ok().eTag(ETags.of(a.version())).body(a);
    }

    @GetMapping("/api/v1/appointments/{id}/messages")
    @Operation(summary = "The emails of an appointment with their status (queued, sent, failed, cancelled)")
    List<PatientMessage> messages(@PathVariable long id) {
        bookings.visible(id);
        return outbox.ofAppointment(id);
    }

    @GetMapping("/api/v1/patients/{patientId}/appointments")
    @Operation(summary = "The patient's appointments, newest first, and their emails with their status")
    Map<String, Object> ofPatient(@PathVariable long patientId) {
        return Map.of("appointments", bookings.ofPatient(patientId), "messages", outbox.ofPatient(patientId, 200));
    }

    @GetMapping("/api/v1/appointment-types")
    @Operation(summary = "The organisation's appointment types: length, treatment, minimum interval, price")
    List<AppointmentType> types() {
        return bookings.myTypes();
    }

    @PutMapping("/api/v1/appointment-types/{code}")
    @Operation(summary = "Change an appointment type's length, minimum interval and price (clinic managers; "
            + "If-Match required)")
    ResponseEntity<AppointmentType> changeType(@PathVariable String code,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, @Valid @RequestBody ClinicHours.TypeChange body) {
        AppointmentType t = hours.updateType(code, ETags.requireVersion(ifMatch, "appointment-type", code), body);
        return ResponseEntity.ok().eTag(ETags.of(t.version())).body(t);
    }

    @GetMapping("/api/v1/message-settings")
    @Operation(summary = "The organisation's email settings: days before a treatment that the pre-care email goes, "
            + "hours after it that the aftercare advice covers")
    Map<String, Integer> messageSettings() {
        return Map.of("preCareDays", hours.preCareDays(), "aftercareHours", hours.aftercareHours());
    }

    @PutMapping("/api/v1/message-settings")
    @Operation(summary = "Change the pre-care days (1 to 30) and the aftercare hours (1 to 336), each when given "
            + "(clinic managers)")
    Map<String, Integer> setMessageSettings(@Valid @RequestBody MessageSettings body) {
        if (body.preCareDays() != null) {
            hours.setPreCareDays(body.preCareDays());
        }
        if (body.aftercareHours() != null) {
            hours.setAftercareHours(body.aftercareHours());
        }
        return messageSettings();
    }

    record MessageSettings(Integer preCareDays, Integer aftercareHours) {
    }

    @GetMapping("/api/v1/clinics/{clinicId}/calendar-settings")
    @Operation(summary = "A clinic's opening hours (ISO weekdays, 1 = Monday) and closures")
    ClinicHours.Week week(@PathVariable long clinicId) {
        return hours.week(clinicId);
    }

    @PutMapping("/api/v1/clinics/{clinicId}/opening-hours")
    @Operation(summary = "Replace a clinic's weekly opening hours (clinic managers)")
    ResponseEntity<Void> openingHours(@PathVariable long clinicId, @Valid @RequestBody ClinicHours.HoursList body) {
        hours.setOpeningHours(clinicId, body.hours());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/clinics/{clinicId}/practitioners/{practitionerId}/working-hours")
    @Operation(summary = "A practitioner's weekly working hours in a clinic")
    List<ClinicHours.Hours> workingHours(@PathVariable long clinicId, @PathVariable long practitionerId) {
        return hours.workingHours(clinicId, practitionerId);
    }

    @PutMapping("/api/v1/clinics/{clinicId}/practitioners/{practitionerId}/working-hours")
    @Operation(summary = "Replace a practitioner's weekly working hours in a clinic (clinic managers)")
    ResponseEntity<Void> setWorkingHours(@PathVariable long clinicId, @PathVariable long practitionerId,
            @Valid @RequestBody ClinicHours.HoursList body) {
        hours.setWorkingHours(clinicId, practitionerId, body.hours());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/clinics/{clinicId}/closures")
    @Operation(summary = "Close a clinic on a day (a public holiday), with the reason (clinic managers)")
    ResponseEntity<Void> addClosure(@PathVariable long clinicId, @Valid @RequestBody ClinicHours.Closure body) {
        hours.addClosure(clinicId, body);
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @DeleteMapping("/api/v1/clinics/{clinicId}/closures/{day}")
    @Operation(summary = "Open a closed day again (clinic managers)")
    ResponseEntity<Void> removeClosure(@PathVariable long clinicId,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        hours.removeClosure(clinicId, day);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/waiting-list")
    @Operation(summary = "A clinic's patients waiting for a slot, oldest first")
    List<WaitingList.Entry> waitingList(@RequestParam long clinic) {
        return waiting.open(clinic);
    }

    @PostMapping("/api/v1/waiting-list")
    @Operation(summary = "Put a patient on a clinic's waiting list for a type of appointment, from a day")
    ResponseEntity<WaitingList.Entry> addWaiting(@Valid @RequestBody BookingInputs.Waiting body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(waiting.add(body));
    }

    @PostMapping("/api/v1/waiting-list/{id}/close")
    @Operation(summary = "Take a patient off the waiting list (booked, or no longer waiting)")
    ResponseEntity<Void> closeWaiting(@PathVariable long id) {
        waiting.close(id, "closed");
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/calendar-feed")
    @Operation(summary = "A new private calendar feed URL for the signed-in practitioner; the previous one stops")
    Map<String, String> newFeed() {
        return Map.of("path", "/feeds/" + feeds.newToken() + ".ics");
    }
}
