package org.follicle.intake;

import java.time.LocalDate;
import java.util.Set;

import org.follicle.intake.internal.ScreeningService;
import org.springframework.stereotype.Component;

/**
 * Screens a patient for a modality on a session date, optionally for a chosen formula (its ingredient codes), so
 * that ingredient rules apply through the same engine. Checks that the user may read the patient; audited.
 */
@Component
public class Screening {

    private final ScreeningService service;

    Screening(ScreeningService service) {
        this.service = service;
    }

    public ScreeningResult screen(long patientId, Modality modality, LocalDate sessionDate,
            Set<String> formulaIngredients) {
        return service.screen(patientId, modality, sessionDate, formulaIngredients);
    }
}
