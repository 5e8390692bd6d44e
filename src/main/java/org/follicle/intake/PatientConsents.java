package org.follicle.intake;

import org.follicle.intake.internal.ConsentStatus;
import org.springframework.stereotype.Component;

/** Whether a patient has given a consent that is still in force (signed, not withdrawn). */
@Component
public class PatientConsents {

    private final ConsentStatus status;

    PatientConsents(ConsentStatus status) {
        this.status = status;
    }

    public boolean isGiven(long patientId, ConsentType type) {
        return status.isGiven(patientId, type);
    }
}
