package org.follicle.intake.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.follicle.intake.Decision;
import org.follicle.intake.Modality;
import org.follicle.intake.RuleClass;
import org.follicle.intake.ScreeningResult;
import org.follicle.system.RecordNotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

/** Intake answers and screening on the JSON API. */
@RestController
@RequestMapping("/api/v1/patients/{patientId}")
@Tag(name = "Intake and screening")
class IntakeApiController {

    private final IntakeRecords records;

    private final MessageSource messages;

    private final java.time.Clock clock;

    IntakeApiController(IntakeRecords records, MessageSource messages, java.time.Clock clock) {
        this.records = records;
        this.messages = messages;
        this.clock = clock;
    }

    @PutMapping("/intake")
    @Operation(summary = "Record the patient's intake answers (earlier answers are kept as history); returns the "
            + "screening for mesotherapy and PRP")
    List<ScreeningJson> recordIntake(@PathVariable long patientId, @Valid @RequestBody IntakeDocument intake) {
        return records.record(patientId, intake).stream().map(this::json).toList();
    }

    @GetMapping("/intake")
    @Operation(summary = "The patient's current intake answers")
    IntakeJson intake(@PathVariable long patientId) {
        IntakeStore.IntakeForm form = records.current(patientId)
                .orElseThrow(() -> new RecordNotFoundException(IntakeRecords.INTAKE, patientId));
        return new IntakeJson(form.id(), form.questionnaireVersion(), form.recordedAt(), form.recordedBy(),
                form.document());
    }

    @GetMapping("/intake/versions")
    @Operation(summary = "Every version of the patient's answers, newest first: who recorded it, when (in the "
            + "clinic's time zone), and each answer it changed from the version before (the first version: all)")
    List<VersionJson> versions(@PathVariable long patientId) {
        Locale locale = LocaleContextHolder.getLocale();
        return records.versions(patientId).stream().map(v -> new VersionJson(v.id(), v.number(),
                v.recordedAt().toOffsetDateTime(), v.recordedAt().getZone().getId(), v.recordedBy(),
                v.changes().stream().map(c -> new ChangeJson(c.path(), messages.getMessage(
                        IntakeChanges.MEDICATIONS.equals(c.path()) ? "intake.section.medications" : "intake.q." + c.path(),
                        null, c.path(), locale), c.before(), c.after())).toList())).toList();
    }

    record VersionJson(long id, int number, java.time.OffsetDateTime recordedAt, String timeZone, String recordedBy,
            List<ChangeJson> changes) {
    }

    record ChangeJson(String path, String question, List<String> before, List<String> after) {
    }

    @GetMapping("/screening")
    @Operation(summary = "Whether the patient may be treated with a modality on a date (default today), with every "
            + "finding, its source, and any sign-off or override")
    ScreeningJson screening(@PathVariable long patientId, @RequestParam Modality modality,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return json(records.screening(patientId, modality, date == null ? LocalDate.now(clock) : date,
                FormulaFacts.NONE));
    }

    @PostMapping("/screening/{modality}/review")
    @Operation(summary = "A practitioner signs off a screening that needs review (SIGN_OFF), or overrides a "
            + "deferral or exclusion with a written reason (OVERRIDE)")
    ScreeningJson review(@PathVariable long patientId, @PathVariable Modality modality,
            @Valid @RequestBody ReviewRequest body) {
        return json(records.review(patientId, modality, body.kind(), body.reason()));
    }

    private ScreeningJson json(ScreeningView view) {
        Locale locale = LocaleContextHolder.getLocale();
        ScreeningResult r = view.result();
        List<FindingJson> findings = r.findings().stream().map(f -> new FindingJson(f.ruleId(), f.ruleClass(),
                f.message(locale), f.source(), f.until(), f.dateUnknown())).toList();
        ReviewJson review = view.review() == null ? null : new ReviewJson(view.review().kind(),
                view.review().reviewerName(), view.review().reviewedAt(), view.review().reason());
        return new ScreeningJson(r.modality(), r.decision(), r.deferredUntil(), findings, r.unanswered(),
                r.ruleSetVersion(), r.questionnaireVersion(), r.sessionDate(), review);
    }

    record IntakeJson(long id, int questionnaireVersion, Instant recordedAt, String recordedBy, JsonNode answers) {
    }

    record ScreeningJson(Modality modality, Decision decision, LocalDate deferredUntil, List<FindingJson> findings,
            List<String> unanswered, String ruleSetVersion, int questionnaireVersion, LocalDate sessionDate,
            ReviewJson review) {
    }

    record FindingJson(String ruleId, RuleClass ruleClass, String message, String source, LocalDate until,
            boolean dateUnknown) {
    }

    record ReviewJson(IntakeStore.ReviewKind kind, String by, Instant at, String reason) {
    }

    record ReviewRequest(@NotNull IntakeStore.ReviewKind kind, @Size(max = 2000) String reason) {
    }
}
