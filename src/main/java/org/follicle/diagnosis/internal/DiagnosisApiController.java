package org.follicle.diagnosis.internal;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Trichoscopic assessments and diagnoses on the JSON API. */
@RestController
@RequestMapping("/api/v1/patients/{patientId}")
@Tag(name = "Diagnosis")
class DiagnosisApiController {

    private final DiagnosisRecords records;

    private final DiagnosisKnowledge knowledge;

    private final MessageSource messages;

    DiagnosisApiController(DiagnosisRecords records, DiagnosisKnowledge knowledge, MessageSource messages) {
        this.records = records;
        this.knowledge = knowledge;
        this.messages = messages;
    }

    @PostMapping("/assessments")
    @Operation(summary = "Record a trichoscopic assessment: sites measured, clinical tests, scales. Returns it with "
            + "density, terminal share, cumulative hair thickness, pull test result and SALT, and any warnings")
    ResponseEntity<RecordedJson> record(@PathVariable long patientId, @Valid @RequestBody AssessmentInput body) {
        DiagnosisRecords.Recorded recorded = records.record(patientId, body);
        Locale locale = LocaleContextHolder.getLocale();
        return ResponseEntity.created(URI.create("/api/v1/patients/" + patientId + "/assessments/"
                + recorded.assessment().id())).body(new RecordedJson(recorded.assessment(), recorded.warnings()
                        .stream().map(key -> messages.getMessage(key, null, locale)).toList()));
    }

    @GetMapping("/assessments")
    @Operation(summary = "The patient's assessments, newest first")
    List<AssessmentView> assessments(@PathVariable long patientId) {
        return records.assessments(patientId);
    }

    @GetMapping("/assessments/{assessmentId}")
    @Operation(summary = "One assessment")
    AssessmentView assessment(@PathVariable long patientId, @PathVariable long assessmentId) {
        return records.assessment(patientId, assessmentId);
    }

    @PostMapping("/assessments/{assessmentId}/void")
    @Operation(summary = "Void an assessment recorded by mistake, with a reason; it is kept and leaves the trends")
    AssessmentView voidAssessment(@PathVariable long patientId, @PathVariable long assessmentId,
            @Valid @RequestBody VoidRequest body) {
        return records.voidAssessment(patientId, assessmentId, body.reason());
    }

    @GetMapping("/trends")
    @Operation(summary = "Density and mean diameter per site over time, with the change from the first assessment")
    List<Trends.SiteTrend> trends(@PathVariable long patientId) {
        return Trends.of(records.assessments(patientId), knowledge.sites());
    }

    @PostMapping("/diagnoses")
    @Operation(summary = "Record a diagnosis (practitioners); its ICD-10 and SNOMED CT codes follow from the category")
    ResponseEntity<DiagnosisView> diagnose(@PathVariable long patientId, @Valid @RequestBody DiagnosisInput body) {
        DiagnosisView diagnosis = records.diagnose(patientId, body);
        return ResponseEntity.status(HttpStatus.CREATED).body(diagnosis);
    }

    @GetMapping("/diagnoses")
    @Operation(summary = "The patient's diagnoses, the current one first, then its history")
    List<DiagnosisView> diagnoses(@PathVariable long patientId) {
        return records.diagnoses(patientId);
    }

    record RecordedJson(AssessmentView assessment, List<String> warnings) {
    }

    record VoidRequest(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 500) String reason) {
    }
}
