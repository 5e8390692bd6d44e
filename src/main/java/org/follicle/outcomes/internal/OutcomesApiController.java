package org.follicle.outcomes.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Outcomes on the JSON API: a patient's progress and follow-up visits, and the cohort reports. */
@RestController
@Tag(name = "Outcomes")
class OutcomesApiController {

    private final ProgressReports progress;

    private final FollowUps followUps;

    private final CohortReports cohorts;

    private final CohortFacts facts;

    private final org.springframework.context.MessageSource texts;

    OutcomesApiController(ProgressReports progress, FollowUps followUps, CohortReports cohorts, CohortFacts facts,
            org.springframework.context.MessageSource texts) {
        this.texts = texts;
        this.progress = progress;
        this.followUps = followUps;
        this.cohorts = cohorts;
        this.facts = facts;
    }

    @GetMapping("/api/v1/patients/{patientId}/progress")
    @Operation(summary = "The patient's density per site from baseline to the latest measure (change and percent), "
            + "the follow-up visits' photographic and satisfaction scores, beside the published figures for the "
            + "modality with their source and strength; information, not a promise")
    ProgressReports.Progress progress(@PathVariable long patientId,
            @RequestParam(defaultValue = "MESOTHERAPY") ProgressReports.Modality modality) {
        return progress.of(patientId, modality);
    }

    @GetMapping(value = "/api/v1/patients/{patientId}/progress.pdf",
            produces = org.springframework.http.MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The progress report as a PDF for the patient, in the patient's language, with the density "
            + "chart")
    ResponseEntity<byte[]> progressPdf(@PathVariable long patientId,
            @RequestParam(defaultValue = "MESOTHERAPY") ProgressReports.Modality modality) {
        return ProgressController.pdf(patientId, progress.pdf(patientId, modality));
    }

    @GetMapping("/api/v1/patients/{patientId}/follow-ups")
    @Operation(summary = "Every evaluation milestone of the patient's courses, with its follow-up visit in force "
            + "and the measures that visit lacks (gaps)")
    List<FollowUps.MilestoneStatus> milestones(@PathVariable long patientId) {
        return followUps.milestones(patientId);
    }

    @PostMapping("/api/v1/patients/{patientId}/follow-ups")
    @Operation(summary = "Record a follow-up visit at a milestone: the trichoscopy of the day, the photos compared, "
            + "the practitioner's global photographic assessment (-3..+3), the patient's questionnaire (every item "
            + "-3..+3, or none) and the adverse-event check. Returns it with its gaps; one per milestone")
    ResponseEntity<FollowUps.Recorded> record(@PathVariable long patientId, @Valid @RequestBody FollowUpInput body) {
        FollowUps.Recorded recorded = followUps.record(patientId, body);
        return ResponseEntity.created(URI.create("/api/v1/follow-ups/" + recorded.followUp().id())).body(recorded);
    }

    @GetMapping("/api/v1/follow-ups/{followUpId}")
    @Operation(summary = "One follow-up visit with its milestone and gaps")
    FollowUps.Detail followUp(@PathVariable long followUpId) {
        return followUps.detail(followUpId);
    }

    @PostMapping("/api/v1/follow-ups/{followUpId}/void")
    @Operation(summary = "Void a follow-up recorded by mistake (reason of 5 to 500 characters); it stays, marked, "
            + "and the milestone can be recorded again")
    FollowUpStore.FollowUp voidFollowUp(@PathVariable long followUpId, @RequestBody VoidRequest body) {
        return followUps.voidFollowUp(followUpId, body.reason());
    }

    @GetMapping("/api/v1/analytics/cohorts")
    @Operation(summary = "A cohort report over the courses of a clinic (clinicId) or of every clinic the user may "
            + "report on: responder rate with its 95% Wilson interval (responder: density +threshold% or a "
            + "photographic score of at least threshold, at the milestone of `months`), mean density change with its "
            + "95% interval, satisfaction, adherence and drop-out, adverse events per 1,000 sessions by product and "
            + "lot, cost per responder; split by compareBy. Groups under 5 patients are marked not conclusive. "
            + "Figures are as of asOf (the facts are refreshed every few minutes)")
    CohortReports.Report cohorts(@ParameterObject @Valid @ModelAttribute CohortQuery query) {
        return cohorts.run(query);
    }

    @GetMapping(value = "/api/v1/analytics/cohorts.csv", produces = "text/csv")
    @Operation(summary = "The same cohort report as CSV (RFC 4180), columns named in the reader's language")
    ResponseEntity<byte[]> cohortsCsv(@ParameterObject @Valid @ModelAttribute CohortQuery query) {
        return CohortCsv.response(cohorts.run(query), texts);
    }

    @PostMapping("/api/v1/analytics/cohorts/refresh")
    @Operation(summary = "Refresh the cohort facts from the records now; returns when they date from")
    Refreshed refresh() {
        cohorts.readableClinics();
        return new Refreshed(facts.refresh());
    }

    record VoidRequest(String reason) {
    }

    record Refreshed(Instant asOf) {
    }
}
