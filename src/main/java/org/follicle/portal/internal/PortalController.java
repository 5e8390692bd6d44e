package org.follicle.portal.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.follicle.billing.PatientBilling;
import org.follicle.clinics.ClinicDirectory;
import org.follicle.patients.PatientRegistry;
import org.follicle.patients.PatientView;
import org.follicle.scheduling.AppointmentBook;
import org.follicle.scheduling.AppointmentStatus;
import org.follicle.scheduling.AppointmentType;
import org.follicle.scheduling.AppointmentView;
import org.follicle.scheduling.PatientCalendar;
import org.follicle.security.StaffDirectory;
import org.follicle.system.PageForms;
import org.follicle.system.RecordNotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The portal's pages, for the patient signed in: every id in a path is checked to be theirs by the module that owns
 * it, and the patient's own id never comes from the request.
 */
@Controller
class PortalController {

    /** How far ahead a patient may book online. */
    static final int BOOKING_DAYS = 90;

    private final PatientRegistry patients;

    private final PatientCalendar calendar;

    private final AppointmentBook book;

    private final StaffDirectory staff;

    private final ClinicDirectory clinics;

    private final Aftercare aftercare;

    private final Conversations conversations;

    private final PatientBilling billing;

    private final PageForms pages;

    private final org.follicle.intake.PatientConsents consents;

    private final Clock clock;

    PortalController(PatientRegistry patients, PatientCalendar calendar, AppointmentBook book, StaffDirectory staff,
            ClinicDirectory clinics, Aftercare aftercare, Conversations conversations, PatientBilling billing,
            PageForms pages, org.follicle.intake.PatientConsents consents, Clock clock) {
        this.consents = consents;
        this.patients = patients;
        this.calendar = calendar;
        this.book = book;
        this.staff = staff;
        this.clinics = clinics;
        this.aftercare = aftercare;
        this.conversations = conversations;
        this.billing = billing;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/portal")
    String home(@AuthenticationPrincipal PortalPatient me, Model model) {
        PatientView patient = self(me);
        Instant now = clock.instant();
        Duration notice = calendar.cancellationNotice(patient.organisationId());
        List<AppointmentView> upcoming = calendar.appointmentsOf(patient).stream()
                .filter(a -> a.status() == AppointmentStatus.BOOKED && a.startsAt().toInstant().isAfter(now))
                .sorted(Comparator.comparing(AppointmentView::startsAt)).toList();
        Set<String> treatments = book.types(patient.organisationId()).stream().filter(AppointmentType::treatment)
                .map(AppointmentType::code).collect(Collectors.toSet());
        model.addAttribute("patient", patient);
        model.addAttribute("upcoming", upcoming);
        model.addAttribute("cancellable", upcoming.stream()
                .filter(a -> a.startsAt().toInstant().minus(notice).isAfter(now)).map(AppointmentView::id)
                .collect(Collectors.toSet()));
        model.addAttribute("noticeHours", notice.toHours());
        model.addAttribute("nextTreatment", upcoming.stream().filter(a -> treatments.contains(a.typeCode()))
                .findFirst().orElse(null));
        model.addAttribute("care", calendar.careTimes(patient.organisationId()));
        model.addAttribute("aftercare", aftercare.current(patient).orElse(null));
        model.addAttribute("balance", billing.balanceOf(patient.id()));
        model.addAttribute("unread", conversations.unreadByPatient(patient.id()));
        model.addAttribute("consentsToSign", java.util.Arrays.stream(org.follicle.intake.ConsentType.values())
                .filter(type -> !consents.isGiven(patient.id(), type)).toList());
        return "portal/home";
    }

    @PostMapping("/portal/appointments/{id}/cancel")
    String cancel(@AuthenticationPrincipal PortalPatient me, @PathVariable long id,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        PatientView patient = self(me);
        Map<String, String> errors = pages.attempt(() -> calendar.cancel(patient, id, reason));
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", "portal.booking.cancelled");
        }
        else {
            redirect.addFlashAttribute("flashText", errors.values().iterator().next());
        }
        return "redirect:/portal";
    }

    /** Another time for a booked visit: the same practitioner and visit, a day's free times. */
    @GetMapping("/portal/appointments/{id}/move")
    String moving(@AuthenticationPrincipal PortalPatient me, @PathVariable long id,
            @RequestParam(required = false) LocalDate day, Model model) {
        PatientView patient = self(me);
        return showMove(patient, own(patient, id), day, Map.of(), model);
    }

    @PostMapping("/portal/appointments/{id}/move")
    String move(@AuthenticationPrincipal PortalPatient me, @PathVariable long id,
            @RequestParam(required = false) LocalDateTime start, Model model, RedirectAttributes redirect) {
        PatientView patient = self(me);
        AppointmentView appointment = own(patient, id);
        if (start == null) {
            return showMove(patient, appointment, null, Map.of("start", pages.text(
                    new org.follicle.system.BusinessRuleException("portal.booking.chooseTime"))), model);
        }
        ZoneId zone = clinics.find(appointment.clinicId()).orElseThrow().zone();
        Map<String, String> errors = pages.attempt(() -> calendar.move(patient, id, start.atZone(zone)));
        if (!errors.isEmpty()) {
            return showMove(patient, appointment, start.toLocalDate(), errors, model);
        }
        redirect.addFlashAttribute("flash", "portal.booking.moved");
        return "redirect:/portal";
    }

    @GetMapping("/portal/book")
    String booking(@AuthenticationPrincipal PortalPatient me, @RequestParam(required = false) String type,
            @RequestParam(required = false) Long practitioner, @RequestParam(required = false) LocalDate day,
            Model model) {
        PatientView patient = self(me);
        return showBooking(patient, type, practitioner, day, Map.of(), model);
    }

    @PostMapping("/portal/book")
    String book(@AuthenticationPrincipal PortalPatient me, @RequestParam(required = false) String type,
            @RequestParam(required = false) Long practitioner, @RequestParam(required = false) LocalDateTime start,
            Model model, RedirectAttributes redirect) {
        PatientView patient = self(me);
        if (type == null || practitioner == null || start == null) {
            return showBooking(patient, type, practitioner, start == null ? null : start.toLocalDate(),
                    Map.of("start", pages.text(new org.follicle.system.BusinessRuleException(
                            "portal.booking.chooseTime"))), model);
        }
        ZoneId zone = clinics.find(patient.clinicId()).orElseThrow().zone();
        Map<String, String> errors = pages.attempt(
                () -> calendar.book(patient, practitioner, type, start.atZone(zone)));
        if (!errors.isEmpty()) {
            return showBooking(patient, type, practitioner, start.toLocalDate(), errors, model);
        }
        redirect.addFlashAttribute("flash", "portal.booking.booked");
        return "redirect:/portal";
    }

    @GetMapping("/portal/aftercare")
    String aftercare(@AuthenticationPrincipal PortalPatient me, Model model) {
        PatientView patient = self(me);
        return showAftercare(patient, Map.of(), model);
    }

    @PostMapping("/portal/aftercare/{sessionId}")
    String checkIn(@AuthenticationPrincipal PortalPatient me, @PathVariable long sessionId,
            @RequestParam(required = false) Integer pain, @RequestParam(required = false) Boolean redness,
            @RequestParam(required = false) Boolean swelling, @RequestParam(required = false) Boolean concern,
            @RequestParam(required = false) String note, Model model, RedirectAttributes redirect) {
        PatientView patient = self(me);
        Aftercare.CheckIn in = new Aftercare.CheckIn(pain, redness, swelling, concern, note);
        Map<String, String> errors = pages.attempt(() -> aftercare.report(patient, sessionId, in));
        if (!errors.isEmpty()) {
            model.addAttribute("checkIn", in);
            return showAftercare(patient, errors, model);
        }
        redirect.addFlashAttribute("flash", Boolean.TRUE.equals(concern) ? "portal.checkin.sentToClinic"
                : "portal.checkin.thanks");
        return "redirect:/portal/aftercare";
    }

    @GetMapping("/portal/messages")
    String messages(@AuthenticationPrincipal PortalPatient me, Model model) {
        PatientView patient = self(me);
        model.addAttribute("messages", conversations.readByPatient(patient));
        model.addAttribute("zone", clinics.find(patient.clinicId()).orElseThrow().zone());
        return "portal/messages";
    }

    @PostMapping("/portal/messages")
    String write(@AuthenticationPrincipal PortalPatient me, @RequestParam(required = false) String text,
            Model model, RedirectAttributes redirect) {
        PatientView patient = self(me);
        Map<String, String> errors = pages.attempt(() -> conversations.fromPatient(patient, text));
        if (!errors.isEmpty()) {
            model.addAttribute("errors", errors);
            model.addAttribute("text", text);
            return messages(me, model);
        }
        redirect.addFlashAttribute("flash", "portal.message.sent");
        return "redirect:/portal/messages";
    }

    @GetMapping("/portal/invoices")
    String invoices(@AuthenticationPrincipal PortalPatient me, Model model) {
        PatientView patient = self(me);
        model.addAttribute("bills", billing.billsOf(patient.id()));
        model.addAttribute("balance", billing.balanceOf(patient.id()));
        return "portal/invoices";
    }

    @GetMapping("/portal/invoices/{id}/pdf")
    ResponseEntity<byte[]> invoicePdf(@AuthenticationPrincipal PortalPatient me, @PathVariable long id) {
        byte[] pdf = billing.pdf(self(me).id(), id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("invoice-" + id + ".pdf")
                        .build().toString())
                .body(pdf);
    }

    @PostMapping("/portal/invoices/{id}/pay")
    String pay(@AuthenticationPrincipal PortalPatient me, @PathVariable long id, RedirectAttributes redirect) {
        PatientView patient = self(me);
        String back = ServletUriComponentsBuilder.fromCurrentContextPath().path("/portal/invoices").toUriString();
        String[] url = new String[1];
        Map<String, String> errors = pages.attempt(() -> url[0] = billing.payOnline(patient.id(), id, back));
        if (!errors.isEmpty()) {
            redirect.addFlashAttribute("flashText", errors.values().iterator().next());
            return "redirect:/portal/invoices";
        }
        return "redirect:" + url[0];
    }

    /** The local gateway's payment page, in place of a real gateway's in evaluation and tests. */
    @GetMapping("/portal/payments/local/{checkoutId}")
    String localPayment(@AuthenticationPrincipal PortalPatient me, @PathVariable String checkoutId, Model model) {
        model.addAttribute("checkout", billing.localCheckout(self(me).id(), checkoutId)
                .orElseThrow(() -> new RecordNotFoundException("checkout", checkoutId)));
        return "portal/local-payment";
    }

    @PostMapping("/portal/payments/local/{checkoutId}")
    String payLocally(@AuthenticationPrincipal PortalPatient me, @PathVariable String checkoutId,
            RedirectAttributes redirect) {
        billing.payLocally(self(me).id(), checkoutId);
        redirect.addFlashAttribute("flash", "portal.invoices.paid");
        return "redirect:/portal/invoices";
    }

    private String showBooking(PatientView patient, String type, Long practitioner, LocalDate day,
            Map<String, String> errors, Model model) {
        LocalDate today = LocalDate.now(clock.withZone(clinics.find(patient.clinicId()).orElseThrow().zone()));
        model.addAttribute("types", book.types(patient.organisationId()));
        model.addAttribute("practitioners", staff.practitionersOf(patient.clinicId()));
        model.addAttribute("type", type);
        model.addAttribute("practitioner", practitioner);
        model.addAttribute("day", day);
        model.addAttribute("today", today);
        model.addAttribute("lastDay", today.plusDays(BOOKING_DAYS));
        model.addAttribute("errors", errors);
        List<ZonedDateTime> starts = List.of();
        if (type != null && practitioner != null && day != null && errors.isEmpty()) {
            if (day.isBefore(today) || day.isAfter(today.plusDays(BOOKING_DAYS))) {
                model.addAttribute("errors", Map.of("day", pages.text(new org.follicle.system.BusinessRuleException(
                        "portal.booking.dayOutOfRange", BOOKING_DAYS))));
            }
            else {
                Map<String, String> problems = new java.util.LinkedHashMap<>();
                starts = freeStarts(patient, practitioner, type, day, problems);
                model.addAttribute("errors", problems);
            }
        }
        model.addAttribute("starts", starts);
        return "portal/book";
    }

    private List<ZonedDateTime> freeStarts(PatientView patient, long practitioner, String type, LocalDate day,
            Map<String, String> problems) {
        try {
            return calendar.freeStarts(patient, practitioner, type, day);
        }
        catch (org.follicle.system.BusinessRuleException e) {
            problems.put(e.field() == null ? "_form" : e.field(), pages.text(e));
            return List.of();
        }
    }

    private String showMove(PatientView patient, AppointmentView appointment, LocalDate day,
            Map<String, String> errors, Model model) {
        LocalDate today = LocalDate.now(clock.withZone(clinics.find(patient.clinicId()).orElseThrow().zone()));
        Map<String, String> problems = new java.util.LinkedHashMap<>(errors);
        List<ZonedDateTime> starts = List.of();
        if (day != null && errors.isEmpty()) {
            starts = freeStarts(patient, appointment.practitionerId(), appointment.typeCode(), day, problems);
        }
        model.addAttribute("appointment", appointment);
        model.addAttribute("day", day);
        model.addAttribute("today", today);
        model.addAttribute("lastDay", today.plusDays(BOOKING_DAYS));
        model.addAttribute("starts", starts);
        model.addAttribute("errors", problems);
        return "portal/move";
    }

    /** The patient's own appointment; another's is not found. */
    private AppointmentView own(PatientView patient, long id) {
        return calendar.appointmentsOf(patient).stream().filter(a -> a.id() == id).findFirst()
                .orElseThrow(() -> new RecordNotFoundException("appointment", id));
    }

    private String showAftercare(PatientView patient, Map<String, String> errors, Model model) {
        model.addAttribute("course", aftercare.current(patient).orElse(null));
        model.addAttribute("care", calendar.careTimes(patient.organisationId()));
        model.addAttribute("errors", errors);
        return "portal/aftercare";
    }

    private PatientView self(PortalPatient me) {
        return patients.readablePatient(me.patientId());
    }
}
