package org.follicle.sessions.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;

import org.follicle.formulary.OfferedLot;
import org.follicle.formulary.PatientFormulas;
import org.follicle.formulary.Stock;
import org.follicle.patients.PatientRegistry;
import org.follicle.scheduling.AppointmentBook;
import org.follicle.scheduling.AppointmentView;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.FormDocument;
import org.follicle.system.NavigationLink;
import org.follicle.system.PageForms;
import org.follicle.system.StaleRecordException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The practitioner's session pages: the pre-check from the appointment, the chart with the scalp map, signing,
 * addenda and side effects; and the clinic's list of adverse events.
 */
@Controller
class SessionsController {

    private final Sessions sessions;

    private final AdverseEvents events;

    private final ScalpZones zones;

    private final AppointmentBook appointments;

    private final PatientRegistry patients;

    private final PatientFormulas formulas;

    private final Stock stock;

    private final org.follicle.diagnosis.PatientPhotos photos;

    private final ClinicAccess access;

    private final PageForms pages;

    private final JsonMapper json;

    private final Validator validator;

    private final PatientConcerns concerns;

    SessionsController(Sessions sessions, AdverseEvents events, ScalpZones zones, AppointmentBook appointments,
            PatientRegistry patients, PatientFormulas formulas, Stock stock,
            org.follicle.diagnosis.PatientPhotos photos, ClinicAccess access, PageForms pages, JsonMapper json,
            Validator validator, PatientConcerns concerns) {
        this.sessions = sessions;
        this.events = events;
        this.zones = zones;
        this.appointments = appointments;
        this.patients = patients;
        this.formulas = formulas;
        this.stock = stock;
        this.photos = photos;
        this.access = access;
        this.pages = pages;
        this.json = json;
        this.validator = validator;
        this.concerns = concerns;
    }

    @GetMapping("/appointments/{appointmentId}/session")
    String precheck(@PathVariable long appointmentId, Model model) {
        AppointmentView appointment = appointments.appointment(appointmentId);
        var existing = sessions.ofPatient(appointment.patientId()).stream()
                .filter(s -> s.appointmentId() == appointmentId).findFirst();
        if (existing.isPresent()) {
            return "redirect:/sessions/" + existing.get().id();
        }
        ObjectNode form = json.createObjectNode();
        form.put("modality", "PRP".equals(appointment.typeCode()) ? "PRP" : "CHEMICAL");
        return showPrecheck(appointment, form, Map.of(), model);
    }

    @PostMapping("/appointments/{appointmentId}/session")
    String start(@PathVariable long appointmentId, HttpServletRequest request, Model model) {
        AppointmentView appointment = appointments.appointment(appointmentId);
        ObjectNode form = FormDocument.read(request.getParameterMap(), json, name -> false);
        form.put("appointmentId", appointmentId);
        if (form.get("precheck") instanceof ObjectNode precheck) {
            FormDocument.keepRowsWith(precheck, "newMedicines", "name");
        }
        PageForms.Submitted<Sessions.Started> started = pages.submit(
                FormDocument.bind(form, json, validator, SessionInputs.Start.class), in -> {
                    return sessions.start(in, sessions.recordPrecheck(in));
                });
        if (!started.succeeded()) {
            return showPrecheck(appointment, form, started.errors(), model);
        }
        return "redirect:/sessions/" + started.value().session().id();
    }

    @GetMapping("/sessions/{id}")
    String session(@PathVariable long id, Model model) {
        TreatmentSession session = sessions.visible(id);
        ObjectNode chart = session.chart() == null ? json.createObjectNode() : json.valueToTree(session.chart());
        if (!session.signed() && !chart.has("lots") && session.formulaId() != null) {
            // Not charted yet: the formula's products that the patient may receive, first expiry first, one unit
            // each, for the practitioner to confirm or change.
            java.util.Set<Long> allowed = new java.util.HashSet<>();
            sessions.offeredLots(session).stream().filter(OfferedLot::allowed).forEach(l -> allowed.add(l.lot().lotId()));
            var lots = chart.putArray("lots");
            stock.suggestForFormula(session.clinicId(), session.formulaId()).stream()
                    .filter(l -> allowed.contains(l.lotId())).limit(3)
                    .forEach(l -> lots.addObject().put("lotId", l.lotId()).put("quantity", 1));
        }
        return showSession(session, chart, Map.of(), List.of(), model);
    }

    @PostMapping("/sessions/{id}/chart")
    String chart(@PathVariable long id, @RequestParam int version, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        ObjectNode form = FormDocument.read(request.getParameterMap(), json, name -> name.equals("photoIds"));
        form.remove("version");
        FormDocument.keepRowsWith(form, "zones", "zone");
        FormDocument.keepRowsWith(form, "lots", "lotId");
        if (!form.path("anaesthetic").path("product").isString()) {
            form.remove("anaesthetic");
        }
        PageForms.Submitted<Sessions.Charted> charted = pages.submit(
                FormDocument.bind(form, json, validator, SessionInputs.Chart.class),
                in -> sessions.chart(id, version, in));
        if (!charted.succeeded()) {
            return showSession(sessions.visible(id), form, charted.errors(), List.of(), model);
        }
        redirect.addFlashAttribute("flash", "session.charted");
        redirect.addFlashAttribute("warnings", charted.value().warnings());
        return "redirect:/sessions/" + id;
    }

    @PostMapping("/sessions/{id}/sign")
    String sign(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        try {
            sessions.sign(id, version);
            redirect.addFlashAttribute("flash", "session.signed");
        }
        catch (BusinessRuleException e) {
            redirect.addFlashAttribute("sessionError", pages.text(e));
        }
        catch (StaleRecordException e) {
            redirect.addFlashAttribute("sessionError", pages.text(new BusinessRuleException("session.stale")));
        }
        return "redirect:/sessions/" + id;
    }

    @GetMapping("/sessions/{id}/aftercare.pdf")
    org.springframework.http.ResponseEntity<byte[]> aftercare(@PathVariable long id) {
        return SessionsApiController.pdf(id, sessions.aftercareSheet(id));
    }

    @PostMapping("/sessions/{id}/addenda")
    String addendum(@PathVariable long id, HttpServletRequest request, RedirectAttributes redirect) {
        sessions.visible(id);
        ObjectNode form = FormDocument.read(request.getParameterMap(), json, name -> false);
        Map<String, String> errors = pages.attempt(
                FormDocument.bind(form, json, validator, SessionInputs.Addendum.class),
                in -> sessions.addendum(id, in));
        redirect.addFlashAttribute(errors.isEmpty() ? "flash" : "sessionError",
                errors.isEmpty() ? "session.addendumAdded" : String.join("; ", errors.values()));
        return "redirect:/sessions/" + id + "#addenda";
    }

    @PostMapping("/sessions/{id}/adverse-events")
    String recordEvent(@PathVariable long id, HttpServletRequest request, RedirectAttributes redirect) {
        TreatmentSession session = sessions.visible(id);
        ObjectNode form = FormDocument.read(request.getParameterMap(), json, name -> false);
        form.put("clinicId", session.clinicId()).put("patientId", session.patientId()).put("sessionId", id);
        Map<String, String> errors = pages.attempt(
                FormDocument.bind(form, json, validator, AdverseEvents.Input.class), events::record);
        redirect.addFlashAttribute(errors.isEmpty() ? "flash" : "sessionError",
                errors.isEmpty() ? "adverseEvent.recorded" : String.join("; ", errors.values()));
        return "redirect:/sessions/" + id + "#adverse-events";
    }

    /** An adverse event with its lots, its history and, for those who may, the form that updates or closes it. */
    @GetMapping("/adverse-events/{eventId}")
    String adverseEvent(@PathVariable long eventId, Model model) {
        return showEvent(events.visible(eventId), null, Map.of(), model);
    }

    @PostMapping("/adverse-events/{eventId}")
    String amendEvent(@PathVariable long eventId, @RequestParam(defaultValue = "-1") int version,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        AdverseEvents.Event current = events.visible(eventId);
        ObjectNode form = FormDocument.read(request.getParameterMap(), json, name -> false);
        form.remove("version");
        form.put("clinicId", current.clinicId()).put("patientId", current.patientId());
        if (current.sessionId() != null) {
            form.put("sessionId", current.sessionId());
        }
        Map<String, String> errors = pages.attempt(FormDocument.bind(form, json, validator,
                AdverseEvents.Input.class), in -> events.amend(eventId, version, in));
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", "adverseEvent.amended");
            return "redirect:/adverse-events/" + eventId;
        }
        return showEvent(current, form, errors, model);
    }

    private String showEvent(AdverseEvents.Event event, ObjectNode form, Map<String, String> errors, Model model) {
        model.addAttribute("event", event);
        model.addAttribute("form", form == null ? json.valueToTree(event) : form);
        model.addAttribute("lots", events.lotsByNumber(event));
        model.addAttribute("revisions", events.revisions(event.id()));
        model.addAttribute("canAmend", access.can(Privilege.PATIENT_WRITE, event.clinicId()));
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", AdverseEvents.Kind.values());
        model.addAttribute("severities", AdverseEvents.Severity.values());
        model.addAttribute("relations", AdverseEvents.Relation.values());
        model.addAttribute("outcomes", AdverseEvents.Outcome.values());
        return "sessions/adverse-event";
    }

    @GetMapping("/adverse-events")
    String adverseEvents(@RequestParam(required = false) AdverseEvents.Severity severity,
            @RequestParam(required = false) AdverseEvents.Kind kind,
            @RequestParam(required = false) AdverseEvents.Outcome outcome,
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            @RequestParam(defaultValue = "false") boolean followUpDue, Model model) {
        long clinicId = access.workingClinic();
        List<AdverseEvents.Event> list = events.list(clinicId, severity, kind, outcome, from, to, followUpDue);
        model.addAttribute("reports", concerns.open(clinicId));
        Map<Long, List<org.follicle.formulary.UsableLot>> lots = new LinkedHashMap<>();
        list.forEach(e -> lots.put(e.id(), events.lotsByNumber(e)));
        model.addAttribute("events", list);
        model.addAttribute("lots", lots);
        model.addAttribute("severity", severity);
        model.addAttribute("kind", kind);
        model.addAttribute("outcome", outcome);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("followUpDue", followUpDue);
        model.addAttribute("severities", AdverseEvents.Severity.values());
        model.addAttribute("kinds", AdverseEvents.Kind.values());
        model.addAttribute("outcomes", AdverseEvents.Outcome.values());
        return "sessions/adverse-events";
    }

    private String showPrecheck(AppointmentView appointment, ObjectNode form, Map<String, String> errors,
            Model model) {
        model.addAttribute("appointment", appointment);
        model.addAttribute("askPregnancy", patients.readablePatient(appointment.patientId()).sex()
                != org.follicle.patients.Sex.MALE);
        model.addAttribute("formulas", formulas.of(appointment.patientId()).stream().filter(f -> !f.voided())
                .toList());
        model.addAttribute("modalities", SessionModality.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "sessions/start";
    }

    private String showSession(TreatmentSession session, tools.jackson.databind.JsonNode chart,
            Map<String, String> errors, List<String> warnings, Model model) {
        model.addAttribute("s", session);
        model.addAttribute("patient", patients.readablePatient(session.patientId()));
        model.addAttribute("appointment", appointments.appointment(session.appointmentId()));
        model.addAttribute("chart", chart);
        model.addAttribute("zones", zones.codes());
        model.addAttribute("zoneRows", zoneRows(chart));
        if (session.signed()) {
            List<Long> ids = new java.util.ArrayList<>();
            chart.path("lots").forEach(l -> ids.add(l.path("lotId").asLong()));
            Map<Long, org.follicle.formulary.UsableLot> lots = new java.util.HashMap<>();
            stock.lots(session.clinicId(), ids).forEach(l -> lots.put(l.lotId(), l));
            List<UsedLot> used = new java.util.ArrayList<>();
            chart.path("lots").forEach(l -> used.add(new UsedLot(lots.get(l.path("lotId").asLong()),
                    l.path("quantity").asInt())));
            model.addAttribute("usedLots", used);
        }
        else {
            List<OfferedLot> lots = sessions.offeredLots(session);
            java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
            model.addAttribute("lots", lots);
            model.addAttribute("refusedLots", lots.stream().filter(l -> !l.allowed()).map(l -> new RefusedLot(l.lot(),
                    String.join(" ", l.refusals().stream().map(f -> f.message(locale)).toList()))).toList());
        }
        model.addAttribute("addenda", sessions.addenda(session.id()));
        model.addAttribute("sessionEvents", events.ofPatient(session.patientId()).stream()
                .filter(e -> Long.valueOf(session.id()).equals(e.sessionId())).toList());
        // The photos of the session's day (or the day before) and those the chart already names.
        java.util.Set<Long> chosen = new java.util.HashSet<>();
        chart.path("photoIds").forEach(p -> chosen.add(p.asLong()));
        LocalDate day = appointments.appointment(session.appointmentId()).startsAt().toLocalDate();
        model.addAttribute("photos", photos.of(session.patientId()).stream()
                .filter(p -> chosen.contains(p.id()) || !p.takenOn().isBefore(day.minusDays(1))).toList());
        model.addAttribute("chosenPhotos", chosen);
        model.addAttribute("techniques", SessionInputs.Technique.values());
        model.addAttribute("canChart", !session.signed() && access.can(Privilege.CLINICAL_WRITE, session.clinicId()));
        model.addAttribute("canCorrect", session.signed() && access.can(Privilege.CLINICAL_WRITE, session.clinicId()));
        model.addAttribute("canInvoice", session.signed() && access.can(Privilege.BILLING_WRITE, session.clinicId()));
        model.addAttribute("kinds", AdverseEvents.Kind.values());
        model.addAttribute("severities", AdverseEvents.Severity.values());
        model.addAttribute("relations", AdverseEvents.Relation.values());
        model.addAttribute("outcomes", AdverseEvents.Outcome.values());
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("errors", errors);
        if (!warnings.isEmpty()) {
            model.addAttribute("warnings", warnings);
        }
        return "sessions/session";
    }

    /** Each zone of the map with what the chart holds for it (nothing when not injected). */
    private Map<String, tools.jackson.databind.JsonNode> zoneRows(tools.jackson.databind.JsonNode chart) {
        Map<String, tools.jackson.databind.JsonNode> rows = new LinkedHashMap<>();
        zones.codes().forEach(code -> rows.put(code, json.createObjectNode()));
        chart.path("zones").forEach(z -> rows.put(z.path("zone").asString(""), z));
        return rows;
    }

    /** A lot the patient may not receive, with why in the page's language. */
    record RefusedLot(org.follicle.formulary.UsableLot lot, String reasons) {
    }

    /** A lot a signed session used, with how many units. */
    record UsedLot(org.follicle.formulary.UsableLot lot, int quantity) {
    }

    @Configuration
    static class Navigation {

        @Bean
        NavigationLink adverseEventsLink() {
            return new NavigationLink("nav.adverseEvents", "/adverse-events", Privilege.PATIENT_READ.authority(), 45);
        }
    }
}
