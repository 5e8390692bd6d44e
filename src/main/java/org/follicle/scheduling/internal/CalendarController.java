package org.follicle.scheduling.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.follicle.clinics.ClinicDirectory;
import org.follicle.clinics.ClinicView;
import org.follicle.messaging.PatientMessages;
import org.follicle.patients.PatientRegistry;
import org.follicle.scheduling.AppointmentStatus;
import org.follicle.scheduling.AppointmentView;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.follicle.security.StaffDirectory;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.FormDocument;
import org.follicle.system.NavigationLink;
import org.follicle.system.PageForms;
import org.follicle.system.Retries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import jakarta.validation.Validator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reception's calendar: the day and week of the clinic (FullCalendar, fed as JSON), booking, the appointment page
 * with move, cancel, missed and attended, the waiting list, and the practitioner's feed link.
 */
@Controller
class CalendarController {

    private static final DateTimeFormatter WALL_CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final Bookings bookings;

    private final WaitingList waiting;

    private final PatientMessages outbox;

    private final CalendarFeeds feeds;

    private final ClinicHours hours;

    private final ClinicDirectory clinics;

    private final StaffDirectory staff;

    private final PatientRegistry patients;

    private final ClinicAccess access;

    private final PageForms pages;

    private final JsonMapper json;

    private final Validator validator;

    CalendarController(Bookings bookings, WaitingList waiting, PatientMessages outbox, CalendarFeeds feeds, ClinicHours hours,
            ClinicDirectory clinics, StaffDirectory staff, PatientRegistry patients, ClinicAccess access,
            PageForms pages, JsonMapper json, Validator validator) {
        this.bookings = bookings;
        this.waiting = waiting;
        this.outbox = outbox;
        this.feeds = feeds;
        this.hours = hours;
        this.clinics = clinics;
        this.staff = staff;
        this.patients = patients;
        this.access = access;
        this.pages = pages;
        this.json = json;
        this.validator = validator;
    }

    @GetMapping("/calendar")
    String calendar(@RequestParam(required = false) String date, Model model) {
        long clinic = access.workingClinic();
        ClinicView view = bookings.clinicWith(clinic, Privilege.PATIENT_READ);
        model.addAttribute("clinic", view);
        model.addAttribute("date", date == null ? LocalDate.now(view.zone()).toString() : date);
        model.addAttribute("practitioners", staff.practitionersOf(clinic));
        model.addAttribute("rooms", clinics.roomsOf(clinic).stream().filter(r -> r.active()).toList());
        model.addAttribute("waiting", waiting.open(clinic));
        model.addAttribute("types", bookings.myTypes());
        model.addAttribute("canBook", access.can(Privilege.SCHEDULE_MANAGE, clinic));
        model.addAttribute("isPractitioner", staff.isPractitionerIn(access.current().id(), clinic));
        model.addAttribute("canManageClinic", access.can(Privilege.CLINIC_MANAGE, clinic));
        // Opening hours shade the rest of the day: FullCalendar's business hours (its weekdays count Sunday as 0).
        model.addAttribute("businessHours", json.writeValueAsString(hours.week(clinic).openingHours().stream()
                .map(h -> Map.of("daysOfWeek", List.of(h.dayOfWeek() % 7), "startTime", h.from().toString(),
                        "endTime", h.to().toString()))
                .toList()));
        return "scheduling/calendar";
    }

    /** FullCalendar's event feed: wall-clock times of the clinic, without offsets (the calendar shows them as is). */
    @GetMapping("/calendar/events")
    @ResponseBody
    List<Map<String, Object>> events(@RequestParam String start, @RequestParam String end,
            @RequestParam(required = false) Long practitioner, @RequestParam(required = false) Long room) {
        LocalDate from = day(start);
        LocalDate to = day(end).minusDays(1);
        long clinic = access.workingClinic();
        List<Map<String, Object>> events = new java.util.ArrayList<>(bookings.calendar(clinic, from,
                to.isBefore(from) ? from : to, practitioner, room, false).stream().map(this::event).toList());
        // Closed days show as a shaded background with the reason.
        hours.week(clinic).closures().stream().filter(c -> !c.day().isBefore(from) && !c.day().isAfter(to))
                .forEach(c -> events.add(Map.of("start", c.day().toString(), "allDay", true, "display", "background",
                        "title", c.reason(), "classNames", List.of("closure"))));
        return events;
    }

    /** The minute an ISO date-time starts with ("2026-12-07T10:30:00+01:00" is 10:30). */
    private static LocalDateTime minute(String text) {
        return LocalDateTime.parse(text.length() > 16 ? text.substring(0, 16) : text);
    }

    /** The day an ISO date or date-time of FullCalendar's starts with; anything else is a bad request (400). */
    private static LocalDate day(String text) {
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        }
        catch (java.time.format.DateTimeParseException e) {
            throw new org.springframework.web.server.ResponseStatusException(HttpStatus.BAD_REQUEST, "not a date");
        }
    }

    /** A drag on the calendar: the same move as the appointment page, answered in JSON for the script. */
    @PostMapping("/calendar/events/{id}/move")
    @ResponseBody
    ResponseEntity<Map<String, Object>> drag(@PathVariable long id, @RequestParam int version,
            @RequestParam String start, @RequestParam(required = false) String end) {
        try {
            LocalDateTime from = minute(start);
            LocalDateTime to = end == null || end.isBlank() ? null : minute(end);
            AppointmentView moved = Retries.onConcurrencyFailure(
                    () -> bookings.move(id, version, new BookingInputs.Move(from, to, null, null))).appointment();
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("ok", true, "version", moved.version()));
        }
        catch (java.time.format.DateTimeParseException e) {
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("ok", false, "message", pages.text(new BusinessRuleException("appointment.badTime"))));
        }
        catch (BusinessRuleException e) {
            return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("ok", false, "message", pages.text(e)));
        }
        catch (org.follicle.system.StaleRecordException e) {
            return ResponseEntity.status(409).contentType(MediaType.APPLICATION_JSON).body(Map.of("ok", false,
                    "message", pages.text(new BusinessRuleException("appointment.stale"))));
        }
    }

    @GetMapping("/appointments/new")
    String newAppointment(@RequestParam(required = false) Long patient, @RequestParam(required = false) String start,
            @RequestParam(required = false) Long practitioner, @RequestParam(required = false) String type,
            Model model) {
        ObjectNode form = json.createObjectNode();
        if (patient != null) {
            form.put("patientId", patient);
        }
        if (start != null && start.length() >= 16) {
            form.put("start", start.substring(0, 16));
        }
        if (practitioner != null) {
            form.put("practitionerId", practitioner);
        }
        form.put("typeCode", type == null ? "MESOTHERAPY" : type);
        return showForm(form, Map.of(), model);
    }

    /** Patients matching what reception typed, to pick one for the booking (htmx). */
    @GetMapping("/appointments/patients")
    String patientOptions(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("matches", q.isBlank() ? List.of() : patients.search(q, 8));
        return "scheduling/appointment-form :: matches";
    }

    @PostMapping("/appointments")
    String book(HttpServletRequest request, Model model, RedirectAttributes redirect) {
        ObjectNode form = FormDocument.read(request.getParameterMap(), json, name -> false);
        form.put("clinicId", access.workingClinic());
        PageForms.Submitted<Bookings.Booked> booked = pages.submit(
                FormDocument.bind(form, json, validator, BookingInputs.Appointment.class),
                in -> Retries.onConcurrencyFailure(() -> bookings.book(in)));
        if (!booked.succeeded()) {
            return showForm(form, booked.errors(), model);
        }
        redirect.addFlashAttribute("flash", "appointment.booked");
        redirect.addFlashAttribute("warnings", booked.value().warnings());
        return "redirect:/appointments/" + booked.value().appointment().id();
    }

    @GetMapping("/appointments/{id}")
    String appointment(@PathVariable long id, Model model) {
        return showAppointment(id, json.createObjectNode(), Map.of(), model);
    }

    @PostMapping("/appointments/{id}/move")
    String move(@PathVariable long id, @RequestParam int version, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        ObjectNode form = FormDocument.read(request.getParameterMap(), json, name -> false);
        form.remove("version");
        PageForms.Submitted<Bookings.Booked> moved = pages.submit(
                FormDocument.bind(form, json, validator, BookingInputs.Move.class),
                in -> Retries.onConcurrencyFailure(() -> bookings.move(id, version, in)));
        if (!moved.succeeded()) {
            return showAppointment(id, form, moved.errors(), model);
        }
        redirect.addFlashAttribute("flash", "appointment.moved");
        redirect.addFlashAttribute("warnings", moved.value().warnings());
        return "redirect:/appointments/" + id;
    }

    @PostMapping("/appointments/{id}/status")
    String close(@PathVariable long id, @RequestParam int version, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        ObjectNode form = FormDocument.read(request.getParameterMap(), json, name -> false);
        form.remove("version");
        Map<String, String> errors = pages.attempt(
                FormDocument.bind(form, json, validator, BookingInputs.Outcome.class),
                in -> bookings.close(id, version, in));
        if (!errors.isEmpty()) {
            return showAppointment(id, form, errors, model);
        }
        redirect.addFlashAttribute("flash", "appointment.status." + form.path("status").asString(""));
        return "redirect:/appointments/" + id;
    }

    /** From the chart: the patient waits for a slot of a type, from a day. */
    @PostMapping("/patients/{patientId}/waiting-list")
    String addWaitingFromChart(@PathVariable long patientId, HttpServletRequest request, RedirectAttributes redirect) {
        patients.readablePatient(patientId);
        ObjectNode form = FormDocument.read(request.getParameterMap(), json, name -> false);
        form.put("clinicId", access.workingClinic()).put("patientId", patientId);
        Map<String, String> errors = pages.attempt(
                FormDocument.bind(form, json, validator, BookingInputs.Waiting.class), waiting::add);
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", "waiting.added");
        }
        else {
            redirect.addFlashAttribute("flashError", "waiting.notAdded");
            redirect.addFlashAttribute("flashErrorArgs", new Object[] { String.join("; ", errors.values()) });
        }
        return "redirect:/patients/" + patientId + "#appointments";
    }

    @PostMapping("/calendar/waiting/{id}/close")
    String closeWaiting(@PathVariable long id, RedirectAttributes redirect) {
        waiting.close(id, "closed");
        redirect.addFlashAttribute("flash", "waiting.closed");
        return "redirect:/calendar#waiting";
    }

    @PostMapping("/calendar/feed")
    String newFeed(HttpServletRequest request, RedirectAttributes redirect) {
        String base = request.getRequestURL().toString().replace(request.getRequestURI(), request.getContextPath());
        redirect.addFlashAttribute("feedUrl", base + "/feeds/" + feeds.newToken() + ".ics");
        return "redirect:/calendar";
    }

    private Map<String, Object> event(AppointmentView a) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", a.id());
        e.put("title", a.patientName() + " · " + a.fileNumber());
        e.put("start", a.startsAt().toLocalDateTime().format(WALL_CLOCK));
        e.put("end", a.endsAt().toLocalDateTime().format(WALL_CLOCK));
        e.put("url", "/appointments/" + a.id());
        e.put("classNames", List.of("appt-" + a.typeCode().toLowerCase(java.util.Locale.ROOT),
                "appt-" + a.status().name().toLowerCase(java.util.Locale.ROOT)));
        e.put("editable", a.status() == AppointmentStatus.BOOKED);
        e.put("extendedProps", Map.of("version", a.version(), "type", a.typeCode(), "practitioner",
                a.practitionerName(), "room", a.roomName() == null ? "" : a.roomName()));
        return e;
    }

    private String showForm(ObjectNode form, Map<String, String> errors, Model model) {
        long clinic = access.workingClinic();
        model.addAttribute("clinic", bookings.clinicWith(clinic, Privilege.SCHEDULE_MANAGE));
        model.addAttribute("practitioners", staff.practitionersOf(clinic));
        model.addAttribute("rooms", clinics.roomsOf(clinic).stream().filter(r -> r.active()).toList());
        model.addAttribute("types", bookings.myTypes());
        long patientId = form.path("patientId").asLong(0);
        model.addAttribute("patient", patientId == 0 ? null : patients.readablePatient(patientId));
        model.addAttribute("canOverride", access.can(Privilege.CLINICAL_WRITE, clinic));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "scheduling/appointment-form";
    }

    private String showAppointment(long id, ObjectNode form, Map<String, String> errors, Model model) {
        AppointmentView a = bookings.visible(id).view();
        model.addAttribute("a", a);
        model.addAttribute("messages", outbox.ofAppointment(id));
        model.addAttribute("rooms", clinics.roomsOf(a.clinicId()).stream().filter(r -> r.active()).toList());
        model.addAttribute("canManage", a.status() == AppointmentStatus.BOOKED
                && access.can(Privilege.SCHEDULE_MANAGE, a.clinicId()));
        model.addAttribute("canOverride", access.can(Privilege.CLINICAL_WRITE, a.clinicId()));
        model.addAttribute("canTreat", a.status().takesTime() && access.can(Privilege.CLINICAL_WRITE, a.clinicId()));
        model.addAttribute("started", !a.startsAt().toInstant().isAfter(java.time.Instant.now()));
        if (!form.has("start")) {
            form.put("start", a.startsAt().toLocalDateTime().format(WALL_CLOCK));
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "scheduling/appointment";
    }

    @Configuration
    static class Navigation {

        @Bean
        NavigationLink calendarLink() {
            return new NavigationLink("nav.calendar", "/calendar", Privilege.PATIENT_READ.authority(), 15);
        }
    }
}
