package org.follicle.diagnosis.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.follicle.diagnosis.PatientPhotos;
import org.follicle.diagnosis.PhotoRef;
import org.follicle.intake.ConsentType;
import org.follicle.intake.PatientConsents;
import org.follicle.patients.PatientRegistry;
import org.follicle.patients.PatientView;
import org.follicle.security.AuditAction;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditRecord;
import org.follicle.security.Audited;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.follicle.system.BlobStore;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.ReadOnce;
import org.follicle.system.RecordNotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Standard photographs: taken only with the patient's photography consent, processed before anything is stored,
 * and every view of one audited. Photos taken before a withdrawal stay in the record (the consent text says so).
 */
@Service
@Transactional
class PhotoRecords implements PatientPhotos {

    static final String PHOTO = "photo";

    enum View {
        FRONT, TOP, VERTEX, LEFT, RIGHT, BACK, CLOSE_UP
    }

    /** What a phone can take at arm's length; close-ups are the trichoscope's. */
    static final List<View> PATIENT_VIEWS = List.of(View.FRONT, View.TOP, View.VERTEX, View.LEFT, View.RIGHT,
            View.BACK);

    private final JdbcClient jdbc;

    private final PhotoProcessor processor;

    private final BlobStore blobs;

    private final PatientRegistry patients;

    private final PatientConsents consents;

    private final DiagnosisKnowledge knowledge;

    private final ClinicAccess access;

    private final AuditLog audit;

    private final Clock clock;

    PhotoRecords(JdbcClient jdbc, PhotoProcessor processor, BlobStore blobs, PatientRegistry patients,
            PatientConsents consents, DiagnosisKnowledge knowledge, ClinicAccess access, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.processor = processor;
        this.blobs = blobs;
        this.patients = patients;
        this.consents = consents;
        this.knowledge = knowledge;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    PhotoView upload(long patientId, View view, String site, LocalDate takenOn, byte[] upload) {
        PatientView patient = patients.openPatient(patientId, Privilege.PATIENT_WRITE);
        if (!consents.isGiven(patientId, ConsentType.PHOTOGRAPHY)) {
            throw new BusinessRuleException("photo.noConsent");
        }
        if (view == View.CLOSE_UP && (site == null || !knowledge.sites().contains(site))) {
            throw BusinessRuleException.onField("site", "photo.siteRequired");
        }
        LocalDate day = takenOn == null ? LocalDate.now(clock) : takenOn;
        if (day.isAfter(LocalDate.now(clock))) {
            throw BusinessRuleException.onField("takenOn", "photo.takenInFuture");
        }
        PhotoProcessor.Processed photo = processor.process(upload);
        String imageKey = blobs.put(photo.image());
        String thumbnailKey = blobs.put(photo.thumbnail());
        long id = jdbc.sql("""
                INSERT INTO diagnosis_photo (organisation_id, clinic_id, patient_id, view, site, taken_on, image_key,
                    thumbnail_key, content_type, width, height, taken_by, uploaded_at)
                VALUES (:org, :clinic, :patient, :view, :site, :on, :image, :thumb, :type, :w, :h, :by, :now)
                RETURNING id""")
                .param("org", patient.organisationId()).param("clinic", patient.clinicId()).param("patient", patientId)
                .param("view", view.name()).param("site", view == View.CLOSE_UP ? site : null).param("on", day)
                .param("image", imageKey).param("thumb", thumbnailKey).param("type", photo.contentType())
                .param("w", photo.width()).param("h", photo.height()).param("by", access.current().username())
                .param("now", Timestamp.from(clock.instant())).query(Long.class).single();
        audit.record(AuditRecord.success(AuditAction.CREATE, PHOTO, id, patient.clinicId()));
        return find(patientId, id);
    }

    @Override
    public List<String> patientViews() {
        return PATIENT_VIEWS.stream().map(View::name).toList();
    }

    @Override
    public PhotoRef submitByPatient(long patientId, String view, byte[] upload) {
        PatientView patient = patients.readablePatient(patientId);
        View chosen = PATIENT_VIEWS.stream().filter(v -> v.name().equals(view)).findFirst()
                .orElseThrow(() -> BusinessRuleException.onField("view", "photo.viewRequired"));
        if (!consents.isGiven(patientId, ConsentType.PHOTOGRAPHY)) {
            throw new BusinessRuleException("photo.noConsent");
        }
        PhotoProcessor.Processed photo = processor.process(upload);
        long id = jdbc.sql("""
                INSERT INTO diagnosis_photo (organisation_id, clinic_id, patient_id, view, taken_on, image_key,
                    thumbnail_key, content_type, width, height, taken_by, uploaded_at, submitted_by_patient)
                VALUES (:org, :clinic, :patient, :view, :on, :image, :thumb, :type, :w, :h, :by, :now, TRUE)
                RETURNING id""")
                .param("org", patient.organisationId()).param("clinic", patient.clinicId()).param("patient", patientId)
                .param("view", chosen.name()).param("on", LocalDate.now(clock)).param("image", blobs.put(photo.image()))
                .param("thumb", blobs.put(photo.thumbnail())).param("type", photo.contentType())
                .param("w", photo.width()).param("h", photo.height()).param("by", org.follicle.security.SignedInPatient.actorName(patientId))
                .param("now", Timestamp.from(clock.instant())).query(Long.class).single();
        audit.record(AuditRecord.success(AuditAction.CREATE, PHOTO, id, patient.clinicId()));
        return find(patientId, id).ref();
    }

    @Override
    @Transactional(readOnly = true)
    @Audited(action = AuditAction.READ, recordType = PHOTO, recordId = "#photoId")
    public byte[] thumbnailOfOwn(long patientId, long photoId) {
        return image(patientId, photoId, true).bytes();
    }

    @Transactional(readOnly = true)
    @Audited(action = AuditAction.SEARCH, recordType = PHOTO, recordId = "#patientId")
    List<PhotoView> list(long patientId) {
        patients.readablePatient(patientId);
        return listForChart(patientId);
    }

    /** For other modules, which check access to the patient themselves. Latest first. */
    @Transactional(readOnly = true)
    @Override
    public List<PhotoRef> of(long patientId) {
        return ofPatient(patientId).stream().map(PhotoView::ref).toList();
    }

    /** Unaudited listing for the chart, whose opening is audited; every image fetched is audited on its own. */
    List<PhotoView> listForChart(long patientId) {
        return ofPatient(patientId).stream().sorted(Comparator.comparing(PhotoView::view)).toList();
    }

    /**
     * Latest first. Read once in a read-only transaction (ReadOnce): a chart page's photos and its follow-ups
     * (which photos compare) both ask.
     */
    private List<PhotoView> ofPatient(long patientId) {
        return ReadOnce.read(this, "ofPatient", patientId, () -> jdbc.sql("""
                SELECT * FROM diagnosis_photo WHERE patient_id = :p ORDER BY taken_on DESC, id DESC""")
                .param("p", patientId).query(PhotoView.class).list());
    }

    /** The image (or its thumbnail) for display; each view is audited. */
    @Transactional(readOnly = true)
    @Audited(action = AuditAction.READ, recordType = PHOTO, recordId = "#photoId", clinicId = "#result.clinicId()")
    Image image(long patientId, long photoId, boolean thumbnail) {
        patients.readablePatient(patientId);
        PhotoView photo = find(patientId, photoId);
        String key = thumbnail ? photo.thumbnailKey().trim() : photo.imageKey().trim();
        byte[] bytes = blobs.get(key).orElseThrow(() -> new RecordNotFoundException(PHOTO, photoId));
        return new Image(bytes, thumbnail ? "image/jpeg" : photo.contentType(), photo.clinicId());
    }

    @Transactional(readOnly = true)
    @Audited(action = AuditAction.READ, recordType = PHOTO, recordId = "#photoId", clinicId = "#result.clinicId()")
    PhotoView photo(long patientId, long photoId) {
        patients.readablePatient(patientId);
        return find(patientId, photoId);
    }

    Optional<Long> patientOf(long photoId) {
        return jdbc.sql("SELECT patient_id FROM diagnosis_photo WHERE id = :id").param("id", photoId)
                .query(Long.class).optional();
    }

    private PhotoView find(long patientId, long photoId) {
        return jdbc.sql("SELECT * FROM diagnosis_photo WHERE id = :id AND patient_id = :p").param("id", photoId)
                .param("p", patientId).query(PhotoView.class).optional()
                .orElseThrow(() -> new RecordNotFoundException(PHOTO, photoId));
    }

    /** A photo's record; the image itself is fetched through {@link #image}. */
    record PhotoView(long id, long patientId, long clinicId, String view, String site, LocalDate takenOn,
            String imageKey, String thumbnailKey, String contentType, int width, int height, String takenBy,
            boolean submittedByPatient) {

        PhotoRef ref() {
            return new PhotoRef(id, patientId, view, site, takenOn, submittedByPatient);
        }
    }

    /** Image bytes to send. */
    record Image(byte[] bytes, String contentType, long clinicId) {
    }
}
