package org.follicle.diagnosis;

import java.util.List;

import org.follicle.diagnosis.internal.PhotoRecords;
import org.springframework.stereotype.Component;

/** A patient's photos for other modules (a session's chart names those taken that day); the caller checks access. */
@Component
public class PatientPhotos {

    private final PhotoRecords records;

    PatientPhotos(PhotoRecords records) {
        this.records = records;
    }

    /** The patient's photos, newest first. */
    public List<PhotoRef> of(long patientId) {
        return records.refs(patientId);
    }
}
