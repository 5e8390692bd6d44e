package org.follicle.fhir.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import jakarta.annotation.PreDestroy;
import org.follicle.patients.PatientExchange;
import org.follicle.security.ClinicAccess;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Component;

/**
 * Bulk Data exports: a job asked by one staff member, run in the background with their rights (every patient read
 * checked and audited as theirs), its NDJSON files written to the database as it goes, one file per resource type
 * and per few megabytes. Any instance answers the job's status and serves its files; a job whose instance stopped
 * is reported failed once it has made no progress for a while, and can be asked again.
 */
@Component
class BulkExports {

    /** A file is closed and a new one begun past this size, so that no file is held whole in memory for long. */
    static final int FILE_BYTES = 4 * 1024 * 1024;

    /** A running job that has not moved for this long has lost its instance. */
    static final Duration STALLED = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(BulkExports.class);

    private final JdbcClient jdbc;

    private final PatientExchange patients;

    private final PatientRecord records;

    private final ClinicAccess access;

    private final IParser ndjson;

    private final Clock clock;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(run -> {
        Thread thread = new Thread(run, "fhir-export");
        thread.setDaemon(true);
        return thread;
    });

    BulkExports(JdbcClient jdbc, PatientExchange patients, PatientRecord records, ClinicAccess access,
            FhirContext fhir, Clock clock) {
        this.jdbc = jdbc;
        this.patients = patients;
        this.records = records;
        this.access = access;
        this.ndjson = fhir.newJsonParser().setPrettyPrint(false);
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /**
     * Starts an export of the patients of one clinic (or of all the user's clinics), keeping only the given types
     * (all when empty). The patients are listed now, with the user's rights; their records are read in the job.
     */
    UUID start(Long clinicId, Set<String> types, String request) {
        UUID id = UUID.randomUUID();
        List<Long> ids = patients.readableIds(clinicId);
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO fhir_export_job (id, organisation_id, requested_by, request, status, patients,
                    requested_at, progress_at)
                VALUES (:id, :org, :by, :request, 'RUNNING', :patients, :now, :now)""")
                .param("id", id).param("org", access.current().organisationId())
                .param("by", access.current().username()).param("request", request).param("patients", ids.size())
                .param("now", Timestamp.from(now)).update();
        worker.execute(new DelegatingSecurityContextRunnable(() -> run(id, ids, types)));
        return id;
    }

    /** The job, if the user asked for it. */
    Optional<Job> job(UUID id) {
        return jdbc.sql("""
                SELECT id, status, request, patients, patients_done, error, requested_at, progress_at
                FROM fhir_export_job WHERE id = :id AND requested_by = :by""").param("id", id)
                .param("by", access.current().username()).query((rs, n) -> new Job(rs.getObject("id", UUID.class),
                        stalled(rs.getString("status"), rs.getTimestamp("progress_at").toInstant()),
                        rs.getString("request"), rs.getInt("patients"), rs.getInt("patients_done"),
                        rs.getString("error"), rs.getTimestamp("requested_at").toInstant()))
                .optional();
    }

    List<FileEntry> files(UUID job) {
        return jdbc.sql("""
                SELECT id, resource_type, resources FROM fhir_export_file WHERE job_id = :job ORDER BY id""")
                .param("job", job).query((rs, n) -> new FileEntry(rs.getLong("id"), rs.getString("resource_type"),
                        rs.getInt("resources")))
                .list();
    }

    /** A file of a finished job the user asked for. */
    Optional<byte[]> file(UUID job, long fileId) {
        return job(job).filter(j -> j.status().equals("DONE")).flatMap(j -> jdbc.sql(
                "SELECT ndjson FROM fhir_export_file WHERE id = :id AND job_id = :job").param("id", fileId)
                .param("job", job).query(byte[].class).optional());
    }

    /** Stops a job and deletes its files: they are copies of patients' records, kept no longer than needed. */
    boolean cancel(UUID id) {
        if (job(id).isEmpty()) {
            return false;
        }
        jdbc.sql("UPDATE fhir_export_job SET status = 'CANCELLED', finished_at = :now WHERE id = :id AND status = "
                + "'RUNNING'").param("id", id).param("now", Timestamp.from(clock.instant())).update();
        jdbc.sql("DELETE FROM fhir_export_file WHERE job_id = :id").param("id", id).update();
        return true;
    }

    private void run(UUID id, List<Long> ids, Set<String> types) {
        long organisationId = access.current().organisationId();
        Map<String, Part> parts = new LinkedHashMap<>();
        Set<String> shared = new HashSet<>();
        try {
            int done = 0;
            for (long patientId : ids) {
                if (cancelled(id)) {
                    return;
                }
                for (Resource resource : records.everything(patientId, types)) {
                    // The clinic, its organisation, practitioners and questionnaire come with every patient: written
                    // once.
                    boolean perPatient = !Set.of("Organization", "Location", "Practitioner", "Questionnaire")
                            .contains(resource.fhirType());
                    if (perPatient || shared.add(resource.fhirType() + "/" + resource.getIdPart())) {
                        Part part = parts.computeIfAbsent(resource.fhirType(), type -> new Part());
                        part.add(ndjson.encodeResourceToString(resource));
                        if (part.bytes.size() > FILE_BYTES) {
                            write(id, organisationId, resource.fhirType(), part);
                        }
                    }
                }
                done++;
                jdbc.sql("UPDATE fhir_export_job SET patients_done = :done, progress_at = :now WHERE id = :id")
                        .param("done", done).param("now", Timestamp.from(clock.instant())).param("id", id).update();
            }
            parts.forEach((type, part) -> write(id, organisationId, type, part));
            jdbc.sql("UPDATE fhir_export_job SET status = 'DONE', finished_at = :now WHERE id = :id "
                    + "AND status = 'RUNNING'").param("now", Timestamp.from(clock.instant())).param("id", id).update();
        }
        catch (RuntimeException e) {
            log.error("FHIR export {} failed: {} at {}", id, e.getClass().getName(),
                    e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
            jdbc.sql("UPDATE fhir_export_job SET status = 'FAILED', error = :error, finished_at = :now WHERE id = :id")
                    .param("error", "fhir.export.failed")
                    .param("now", Timestamp.from(clock.instant())).param("id", id).update();
        }
    }

    private boolean cancelled(UUID id) {
        return jdbc.sql("SELECT status <> 'RUNNING' FROM fhir_export_job WHERE id = :id").param("id", id)
                .query(Boolean.class).single();
    }

    private void write(UUID id, long organisationId, String type, Part part) {
        if (part.count == 0) {
            return;
        }
        jdbc.sql("""
                INSERT INTO fhir_export_file (organisation_id, job_id, resource_type, resources, ndjson)
                VALUES (:org, :job, :type, :count, :ndjson)""").param("org", organisationId).param("job", id)
                .param("type", type).param("count", part.count).param("ndjson", part.bytes.toByteArray()).update();
        part.bytes.reset();
        part.count = 0;
    }

    private String stalled(String status, Instant progressAt) {
        return status.equals("RUNNING") && progressAt.plus(STALLED).isBefore(clock.instant()) ? "FAILED" : status;
    }

    /** One resource type's lines not yet written. */
    private static final class Part {

        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        int count;

        void add(String json) {
            bytes.writeBytes(json.getBytes(StandardCharsets.UTF_8));
            bytes.write('\n');
            count++;
        }
    }

    record Job(UUID id, String status, String request, int patients, int patientsDone, String error,
            Instant requestedAt) {
    }

    record FileEntry(long id, String type, int resources) {
    }
}
