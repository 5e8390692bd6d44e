package org.follicle.diagnosis;

import java.util.List;

/** A patient's photos for other modules (a session's chart names those taken that day); the caller checks access. */
public interface PatientPhotos {

    /** The patient's photos, newest first. */
    List<PhotoRef> of(long patientId);

    /** The views a patient may send from the portal, in the order they are taken. */
    List<String> patientViews();

    /**
     * A photo the patient sends from the portal: only with their photography consent, checked by content and size
     * before it is decoded, stored without its metadata, and marked as sent by the patient. The caller has
     * established that the patient is the one signed in.
     */
    PhotoRef submitByPatient(long patientId, String view, byte[] upload);

    /** The thumbnail of one of the patient's own photos; another patient's is not found. Audited. */
    byte[] thumbnailOfOwn(long patientId, long photoId);
}
