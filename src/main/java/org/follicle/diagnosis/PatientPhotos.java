package org.follicle.diagnosis;

import java.util.List;

/** A patient's photos for other modules (a session's chart names those taken that day); the caller checks access. */
public interface PatientPhotos {

    /** The patient's photos, newest first. */
    List<PhotoRef> of(long patientId);
}
