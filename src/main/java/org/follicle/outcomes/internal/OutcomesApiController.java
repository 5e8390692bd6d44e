package org.follicle.outcomes.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Outcomes on the JSON API. */
@RestController
@Tag(name = "Outcomes")
class OutcomesApiController {

    private final ProgressReports progress;

    OutcomesApiController(ProgressReports progress) {
        this.progress = progress;
    }

    @GetMapping("/api/v1/patients/{patientId}/progress")
    @Operation(summary = "The patient's density per site from baseline to the latest measure (change and percent), "
            + "beside the published figures for the modality with their source and strength; information, not a "
            + "promise")
    ProgressReports.Progress progress(@PathVariable long patientId,
            @RequestParam(defaultValue = "MESOTHERAPY") ProgressReports.Modality modality) {
        return progress.of(patientId, modality);
    }
}
