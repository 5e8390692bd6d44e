package org.follicle.diagnosis.internal;

import java.time.Instant;

/** A diagnosis with its ICD-10 and SNOMED CT codes (either may be absent where none is confirmed). */
record DiagnosisView(long id, String category, String icd10, String snomed, String trigger, String stage,
        String notes, String practitionerName, Instant recordedAt) {
}
