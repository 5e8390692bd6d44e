package org.follicle.fhir.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import org.follicle.security.ClinicAccess;
import org.follicle.security.ClinicCatalog;
import org.follicle.security.Privilege;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * FHIR Bulk Data export (the asynchronous request pattern): kick-off at {@code /$export},
 * {@code /Patient/$export} or {@code /Group/clinic-N/$export} with {@code Prefer: respond-async}, then the status at
 * the Content-Location it answers, then each NDJSON file; a DELETE on the status cancels the job.
 */
@Component
@Interceptor
class BulkExportProvider {

    /** What an export holds: every type of a patient's record. */
    static final Set<String> TYPES = Set.of("Patient", "Organization", "Location", "Practitioner",
            "DiagnosticReport", "Observation", "Condition", "Appointment", "Encounter", "Procedure",
            "MedicationAdministration", "Provenance", "AdverseEvent", "Questionnaire", "QuestionnaireResponse",
            "DetectedIssue", "Consent", "Media", "CarePlan");

    private static final Set<String> NDJSON = Set.of("application/fhir+ndjson", "application/ndjson", "ndjson");

    private final BulkExports exports;

    private final ClinicAccess access;

    private final ClinicCatalog catalog;

    private final JsonMapper json;

    BulkExportProvider(BulkExports exports, ClinicAccess access, ClinicCatalog catalog, JsonMapper json) {
        this.exports = exports;
        this.access = access;
        this.catalog = catalog;
        this.json = json;
    }

    @Operation(name = "$export", idempotent = true, manualResponse = true)
    public void exportAll(@OperationParam(name = "_type") StringType type,
            @OperationParam(name = "_outputFormat") StringType format,
            @OperationParam(name = "_since") StringType since, ServletRequestDetails details) {
        kickOff(null, type, format, since, details);
    }

    @Operation(name = "$export", idempotent = true, manualResponse = true, typeName = "Patient")
    public void exportPatients(@OperationParam(name = "_type") StringType type,
            @OperationParam(name = "_outputFormat") StringType format,
            @OperationParam(name = "_since") StringType since, ServletRequestDetails details) {
        kickOff(null, type, format, since, details);
    }

    /** A clinic's patients: the group is the clinic ({@code Group/clinic-N}). */
    @Operation(name = "$export", idempotent = true, manualResponse = true, typeName = "Group")
    public void exportClinic(@IdParam IdType group, @OperationParam(name = "_type") StringType type,
            @OperationParam(name = "_outputFormat") StringType format,
            @OperationParam(name = "_since") StringType since, ServletRequestDetails details) {
        long clinic = DirectoryProviders.ownClinic(access, catalog, Ids.number(group.getIdPart(), Ids.CLINIC)).id();
        if (!access.clinicsWith(Privilege.PATIENT_READ).contains(clinic)) {
            throw new ResourceNotFoundException(group);
        }
        kickOff(clinic, type, format, since, details);
    }

    @Operation(name = "$export-poll-status", idempotent = true, manualResponse = true)
    public void status(@OperationParam(name = "_jobId") StringType jobId, ServletRequestDetails details)
            throws IOException {
        BulkExports.Job job = exports.job(uuid(jobId)).filter(j -> !j.status().equals("CANCELLED"))
                .orElseThrow(() -> new ResourceNotFoundException("fhir.export.unknown"));
        HttpServletResponse response = details.getServletResponse();
        switch (job.status()) {
            case "RUNNING" -> {
                response.setStatus(HttpServletResponse.SC_ACCEPTED);
                response.setHeader("X-Progress", job.patientsDone() + " of " + job.patients() + " patients");
                response.setHeader("Retry-After", "2");
            }
            case "DONE" -> {
                String base = details.getFhirServerBase();
                Map<String, Object> manifest = new LinkedHashMap<>();
                manifest.put("transactionTime", job.requestedAt().toString());
                manifest.put("request", job.request());
                manifest.put("requiresAccessToken", true);
                manifest.put("output", exports.files(job.id()).stream().map(f -> Map.of("type", f.type(),
                        "url", base + "/$export-file?_jobId=" + job.id() + "&file=" + f.id(), "count", f.resources()))
                        .toList());
                manifest.put("error", List.of());
                response.setStatus(HttpServletResponse.SC_OK);
                response.setContentType("application/json");
                response.getOutputStream().write(json.writeValueAsBytes(manifest));
            }
            default -> throw new InternalErrorException(job.error() == null ? "fhir.export.stalled" : job.error());
        }
    }

    @Operation(name = "$export-file", idempotent = true, manualResponse = true)
    public void file(@OperationParam(name = "_jobId") StringType jobId, @OperationParam(name = "file") StringType file,
            ServletRequestDetails details) throws IOException {
        long fileId;
        try {
            fileId = Long.parseLong(file == null ? "" : file.getValue());
        }
        catch (NumberFormatException e) {
            throw new ResourceNotFoundException("fhir.export.unknown");
        }
        byte[] ndjson = exports.file(uuid(jobId), fileId)
                .orElseThrow(() -> new ResourceNotFoundException("fhir.export.unknown"));
        HttpServletResponse response = details.getServletResponse();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/fhir+ndjson");
        response.setContentLength(ndjson.length);
        response.getOutputStream().write(ndjson);
    }

    /** DELETE on the status URL cancels the job (HAPI's operations answer GET and POST only). */
    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
    public boolean cancel(HttpServletRequest request, HttpServletResponse response) {
        if (!"DELETE".equals(request.getMethod()) || !request.getRequestURI().endsWith("/$export-poll-status")) {
            return true;
        }
        String id = request.getParameter("_jobId");
        boolean cancelled;
        try {
            cancelled = id != null && exports.cancel(UUID.fromString(id));
        }
        catch (IllegalArgumentException e) {
            cancelled = false;
        }
        response.setStatus(cancelled ? HttpServletResponse.SC_ACCEPTED : HttpServletResponse.SC_NOT_FOUND);
        return false;
    }

    private void kickOff(Long clinicId, StringType type, StringType format, StringType since,
            ServletRequestDetails details) {
        String prefer = details.getHeader("Prefer");
        if (prefer == null || !prefer.contains("respond-async")) {
            throw new InvalidRequestException("fhir.export.async");
        }
        if (format != null && format.getValue() != null && !NDJSON.contains(format.getValue())) {
            throw new InvalidRequestException("fhir.export.format");
        }
        if (since != null && since.getValue() != null) {
            throw new InvalidRequestException("fhir.export.since");
        }
        Set<String> types = type == null || type.getValue() == null ? Set.of()
                : Arrays.stream(type.getValue().split(",")).map(String::trim).collect(Collectors.toSet());
        if (!TYPES.containsAll(types)) {
            throw new InvalidRequestException("fhir.export.type");
        }
        HttpServletRequest request = details.getServletRequest();
        String asked = request.getRequestURL() + (request.getQueryString() == null ? "" : "?"
                + request.getQueryString());
        UUID job = exports.start(clinicId, types, asked);
        HttpServletResponse response = details.getServletResponse();
        response.setStatus(HttpServletResponse.SC_ACCEPTED);
        response.setHeader("Content-Location", details.getFhirServerBase() + "/$export-poll-status?_jobId=" + job);
    }

    private static UUID uuid(StringType id) {
        try {
            return UUID.fromString(id == null || id.getValue() == null ? "" : id.getValue());
        }
        catch (IllegalArgumentException e) {
            throw new ResourceNotFoundException("fhir.export.unknown");
        }
    }
}
