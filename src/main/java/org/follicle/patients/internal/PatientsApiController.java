package org.follicle.patients.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.follicle.patients.PatientDetails;
import org.follicle.patients.PatientView;
import org.follicle.patients.PossibleDuplicatesException;
import org.follicle.system.ApiPage;
import org.follicle.system.ETags;
import org.follicle.system.PageQuery;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The patient registry on the JSON API. */
@RestController
@RequestMapping("/api/v1/patients")
@Tag(name = "Patients")
class PatientsApiController {

    private final PatientRecords records;

    private final PatientAccess access;

    private final MessageSource messages;

    PatientsApiController(PatientRecords records, PatientAccess access, MessageSource messages) {
        this.records = records;
        this.access = access;
        this.messages = messages;
    }

    @PostMapping
    @Operation(summary = "Register a patient in a clinic; 409 with 'duplicates' when it looks like a registered "
            + "patient, unless allowDuplicate is true")
    ResponseEntity<PatientView> register(@Valid @RequestBody NewPatient body) {
        PatientView patient = records.register(body.clinicId(), body.patient(),
                Boolean.TRUE.equals(body.allowDuplicate()));
        return ResponseEntity.created(URI.create("/api/v1/patients/" + patient.id())).eTag(ETags.of(patient.version()))
                .body(patient);
    }

    @GetMapping
    @Operation(summary = "Search by name (any case or accents, beginning of a name), birth date, phone, email or "
            + "file number")
    ApiPage<PatientView> search(@RequestParam(required = false) String q, @Valid @ParameterObject PageQuery page) {
        return records.search(q, page);
    }

    @GetMapping("/{patientId}")
    @Operation(summary = "One patient; its ETag goes back in If-Match to update it")
    ResponseEntity<PatientView> patient(@PathVariable long patientId) {
        PatientView patient = records.chart(patientId);
        return ResponseEntity.ok().eTag(ETags.of(patient.version())).body(patient);
    }

    @PutMapping("/{patientId}")
    @Operation(summary = "Correct a patient's details (If-Match required)")
    ResponseEntity<PatientView> update(@PathVariable long patientId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody PatientDetails details) {
        // Visibility first: a missing or stale ETag must not reveal that another clinic's patient exists.
        access.readable(patientId);
        PatientView patient = records.update(patientId, details,
                ETags.requireVersion(ifMatch, PatientStore.RECORD_TYPE, patientId));
        return ResponseEntity.ok().eTag(ETags.of(patient.version())).body(patient);
    }

    @PostMapping("/{patientId}/void")
    @Operation(summary = "Void a record registered by mistake, with a reason; it is kept, never deleted "
            + "(If-Match required)")
    ResponseEntity<PatientView> voidRecord(@PathVariable long patientId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody VoidRequest body) {
        access.readable(patientId);
        PatientView patient = records.voidRecord(patientId, body.reason(),
                ETags.requireVersion(ifMatch, PatientStore.RECORD_TYPE, patientId));
        return ResponseEntity.ok().eTag(ETags.of(patient.version())).body(patient);
    }

    @ExceptionHandler(PossibleDuplicatesException.class)
    ProblemDetail duplicates(PossibleDuplicatesException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                messages.getMessage("patient.possibleDuplicates", null, LocaleContextHolder.getLocale()));
        List<Map<String, Object>> duplicates = e.candidates().stream()
                .map(p -> Map.<String, Object>of("id", p.id(), "fileNumber", p.fileNumber())).toList();
        problem.setProperty("duplicates", duplicates);
        return problem;
    }

    /** A patient to register: the clinic, the details, and whether a look-alike was checked to be another person. */
    record NewPatient(@NotNull Long clinicId, @NotNull @Valid PatientDetails patient, Boolean allowDuplicate) {
    }

    record VoidRequest(@NotBlank @Size(min = 5, max = 500) String reason) {
    }
}
