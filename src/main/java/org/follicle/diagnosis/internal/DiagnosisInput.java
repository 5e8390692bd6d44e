package org.follicle.diagnosis.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A diagnosis as the practitioner makes it: the category (its codes follow from it), trigger, stage, notes. */
record DiagnosisInput(@NotBlank String category, @Size(max = 200) String trigger, @Size(max = 100) String stage,
        @Size(max = 2000) String notes) {
}
