package org.follicle.plans.internal;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.follicle.scheduling.AppointmentView;
import org.follicle.system.ApiPage;
import org.follicle.system.ETags;
import org.follicle.system.Retries;
import org.follicle.system.PageQuery;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Protocols, treatment plans, quotes and the recall list on the JSON API. */
@RestController
@Validated
@Tag(name = "Plans")
class PlansApiController {

    private final ProtocolEditor protocols;

    private final Plans plans;

    private final Quotes quotes;

    private final Recalls recalls;

    PlansApiController(ProtocolEditor protocols, Plans plans, Quotes quotes, Recalls recalls) {
        this.protocols = protocols;
        this.plans = plans;
        this.quotes = quotes;
        this.recalls = recalls;
    }

    @GetMapping("/api/v1/protocols")
    @Operation(summary = "The organisation's protocol templates: its own copies and the shipped ones, with sources")
    List<ProtocolLibrary.Protocol> protocols() {
        return protocols.list();
    }

    @GetMapping("/api/v1/protocols/{code}")
    @Operation(summary = "One protocol; its ETag goes in If-Match to edit it")
    ResponseEntity<ProtocolLibrary.Protocol> protocol(@PathVariable String code) {
        ProtocolLibrary.Protocol p = protocols.get(code);
        return ResponseEntity.ok().eTag(ETags.of(p.version())).body(p);
    }

    @PostMapping("/api/v1/protocols")
    @Operation(summary = "Copy a protocol (copyOf, optionally with a changed definition) or add a new one (clinic "
            + "managers)")
    ResponseEntity<ProtocolLibrary.Protocol> addProtocol(@Valid @RequestBody NewProtocol body) {
        ProtocolLibrary.Protocol p = protocols.add(body.copyOf(), body.definition());
        return ResponseEntity.created(URI.create("/api/v1/protocols/" + p.definition().code()))
                .eTag(ETags.of(p.version())).body(p);
    }

    @PutMapping("/api/v1/protocols/{code}")
    @Operation(summary = "Edit the organisation's protocol (clinic managers, If-Match); editing a shipped one makes "
            + "the organisation's own copy. Plans already made keep their protocol")
    ResponseEntity<ProtocolLibrary.Protocol> updateProtocol(@PathVariable String code,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, @RequestBody ProtocolDefinition body) {
        ProtocolLibrary.Protocol p = protocols.update(code,
                ETags.requireVersion(ifMatch, ProtocolEditor.PROTOCOL, code), body);
        return ResponseEntity.ok().eTag(ETags.of(p.version())).body(p);
    }

    @GetMapping("/api/v1/patients/{patientId}/plans")
    @Operation(summary = "The patient's treatment plans, newest first")
    List<TreatmentPlan> ofPatient(@PathVariable long patientId) {
        return plans.ofPatient(patientId);
    }

    @PostMapping("/api/v1/patients/{patientId}/plans/proposal")
    @Operation(summary = "Where a course would go on the practitioner's agenda (opening and working hours, closures, "
            + "minimum intervals, free time); nothing is stored")
    List<CourseScheduler.Placed> propose(@PathVariable long patientId, @Valid @RequestBody PlanRequest body) {
        return plans.propose(body.input(patientId)).placed();
    }

    @PostMapping("/api/v1/patients/{patientId}/plans")
    @Operation(summary = "Plan a course (practitioners); with book=true its appointments are booked at once, all "
            + "or none, else it stays PROPOSED")
    ResponseEntity<PlanJson> create(@PathVariable long patientId, @Valid @RequestBody PlanRequest body) {
        TreatmentPlan plan = Retries.onConcurrencyFailure(
                () -> plans.create(body.input(patientId), Boolean.TRUE.equals(body.book())));
        return ResponseEntity.created(URI.create("/api/v1/plans/" + plan.id())).eTag(ETags.of(plan.version()))
                .body(json(plan.id()));
    }

    @GetMapping("/api/v1/plans/{planId}")
    @Operation(summary = "A plan with its appointments and its quote")
    ResponseEntity<PlanJson> plan(@PathVariable long planId) {
        PlanJson plan = json(planId);
        return ResponseEntity.ok().eTag(ETags.of(plan.plan().version())).body(plan);
    }

    @PostMapping("/api/v1/plans/{planId}/{action:book|pause|resume|stop|complete}")
    @Operation(summary = "Book a proposed plan (from startsOn if given), pause or stop it (with a reason: upcoming "
            + "appointments are cancelled), resume it from startsOn, or complete it (If-Match required)")
    ResponseEntity<PlanJson> act(@PathVariable long planId, @PathVariable String action,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, @Valid @RequestBody(required = false) Action body) {
        int version = ETags.requireVersion(ifMatch, Plans.PLAN, planId);
        Action a = body == null ? new Action(null, null, null) : body;
        switch (action) {
            case "book" -> plans.book(planId, version, a.startsOn(), a.overrideReason());
            case "pause" -> plans.pause(planId, version, a.reason());
            case "resume" -> plans.resume(planId, version, a.startsOn(), a.overrideReason());
            case "stop" -> plans.stop(planId, version, a.reason());
            default -> plans.complete(planId, version);
        }
        PlanJson plan = json(planId);
        return ResponseEntity.ok().eTag(ETags.of(plan.plan().version())).body(plan);
    }

    @GetMapping(value = "/api/v1/plans/{planId}/quote.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The quote for the course as a PDF, with a PRP course beside it, in the patient's language")
    ResponseEntity<byte[]> quote(@PathVariable long planId) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"quote-plan-" + planId + ".pdf\"")
                .body(quotes.pdf(planId));
    }

    @GetMapping("/api/v1/recalls")
    @Operation(summary = "Patients whose maintenance is overdue and who have nothing booked, oldest first")
    ApiPage<Recalls.Recall> recalls(@Valid @ParameterObject PageQuery page) {
        return recalls.overdue(page);
    }

    @PostMapping("/api/v1/recalls/{planId}/invitation")
    @Operation(summary = "Email the patient an invitation to book their maintenance")
    ResponseEntity<Void> invite(@PathVariable long planId) {
        recalls.invite(planId);
        return ResponseEntity.accepted().build();
    }

    private PlanJson json(long planId) {
        Plans.PlanPage page = plans.page(planId);
        return new PlanJson(page.plan(), page.appointments(), quotes.quote(page.plan()));
    }

    record NewProtocol(@Size(max = 60) String copyOf, ProtocolDefinition definition) {
    }

    /** A plan as API clients send it, the patient being in the path; book=true books it at once. */
    record PlanRequest(@NotNull Long clinicId, @jakarta.validation.constraints.NotBlank @Size(max = 60)
            String protocolCode, Long formulaId, @NotNull Long practitionerId, Long roomId,
            @NotNull LocalDate startsOn, @NotNull java.time.LocalTime sessionTime, @Size(max = 500)
            String overrideReason, Boolean book) {

        PlanInput input(long patientId) {
            return new PlanInput(clinicId, patientId, protocolCode, formulaId, practitionerId, roomId, startsOn,
                    sessionTime, overrideReason);
        }
    }

    record Action(LocalDate startsOn, @Size(max = 500) String reason, @Size(max = 500) String overrideReason) {
    }

    record PlanJson(TreatmentPlan plan, List<AppointmentView> appointments, Quotes.Quote quote) {
    }
}
