package org.follicle.diagnosis;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A patient's trichoscopic assessments and diagnoses for systems that exchange records with the clinic (the FHIR
 * API); reads are checked and audited as on the chart.
 */
public interface DiagnosisExchange {

    /** The fixed scalp sites an assessment measures, front to back. */
    List<String> sites();

    /** Every assessment of the patient, voided ones included (marked), the oldest first. */
    List<Trichoscopy> trichoscopies(long patientId);

    /** Every diagnosis of the patient, the latest (the current one) first. */
    List<CodedDiagnosis> diagnoses(long patientId);

    /** One assessment, if the user may read its patient's record (audited); 404 otherwise. */
    Trichoscopy trichoscopy(long assessmentId);

    /** The patient's photos, the latest first (audited as a search of them). */
    List<Photo> photos(long patientId);

    /** One photo's record, if the user may read its patient's (audited); 404 otherwise. */
    Photo photo(long photoId);

    /**
     * Stores a standard photo through the same checks as the chart's upload: the patient's photography consent,
     * the image's type and size before it is decoded, its metadata stripped.
     *
     * @param view FRONT, TOP, VERTEX, LEFT, RIGHT, BACK or CLOSE_UP (which needs a site)
     */
    Photo upload(long patientId, String view, String site, LocalDate takenOn, byte[] image);

    /** A photo's image (audited as a view of it). */
    byte[] image(long patientId, long photoId);

    /**
     * A standard photo of the patient.
     *
     * @param view FRONT, TOP, VERTEX, LEFT, RIGHT, BACK or CLOSE_UP; site a scalp site's code for a close-up
     * @param submittedByPatient sent from the portal: how things look to the patient, not assessment-grade
     */
    record Photo(long id, long patientId, long clinicId, String view, String site, LocalDate takenOn,
            String contentType, int width, int height, boolean submittedByPatient) {
    }

    /** One diagnosis, if the user may read its patient's record (audited); 404 otherwise. */
    CodedDiagnosis diagnosis(long diagnosisId);

    /**
     * One trichoscopic assessment.
     *
     * @param vellusCutoffUm the diameter under which the examiner counted a hair as vellus
     */
    record Trichoscopy(long id, long patientId, LocalDate assessedOn, String examinerName, String device,
            Integer magnification, int vellusCutoffUm, List<Site> sites, boolean voided, String voidReason) {
    }

    /** The measures at one fixed scalp site; a measure not taken is null. */
    record Site(String site, int hairs, BigDecimal areaCm2, BigDecimal density, Integer terminal, Integer vellus,
            BigDecimal meanDiameterUm, BigDecimal anagenPercent, BigDecimal telogenPercent,
            BigDecimal hairsPerFollicularUnit, Integer emptyFollicles) {
    }

    /** A diagnosis with its codes where the knowledge base confirms one (never guessed). */
    record CodedDiagnosis(long id, long patientId, String category, String icd10, String snomed, String stage, String notes,
            String practitionerName, Instant recordedAt, boolean current) {
    }
}
