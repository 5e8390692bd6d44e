package org.follicle.intake.internal;

import java.time.LocalDate;
import java.util.Set;

import org.follicle.intake.Modality;
import org.follicle.intake.ScreeningResult;
import org.springframework.stereotype.Component;

/** The screening as other modules call it (see {@link org.follicle.intake.Screening}). */
@Component
public class ScreeningService {

    private final IntakeRecords records;

    ScreeningService(IntakeRecords records) {
        this.records = records;
    }

    public ScreeningResult screen(long patientId, Modality modality, LocalDate sessionDate, Set<String> formula) {
        return records.screening(patientId, modality, sessionDate, formula).result();
    }
}
