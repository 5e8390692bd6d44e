package org.follicle.intake.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The medicine dictionary on the JSON API: the names offered as staff type. */
@RestController
@Tag(name = "Intake and screening")
class MedicinesApiController {

    private static final int MAX_QUERY = 200;

    private final MedicineDictionary medicines;

    private final MessageSource messages;

    MedicinesApiController(MedicineDictionary medicines, MessageSource messages) {
        this.medicines = medicines;
        this.messages = messages;
    }

    @GetMapping("/api/v1/medicines")
    @Operation(summary = "Medicine names beginning with q (or with a word beginning with it): brands in France, Spain "
            + "and the United Kingdom, international non-proprietary names and their translations, each with its "
            + "medicine, ATC codes and the class the screening reads. An intake's medicine is classified from its "
            + "name when saved; a name the dictionary does not know is kept and sent to the physician")
    List<MedicineJson> suggestions(@RequestParam String q) {
        // No name is longer than this: a longer query matches nothing, without folding it.
        if (q.length() > MAX_QUERY) {
            return List.of();
        }
        return medicines.suggest(q, IntakeController.SUGGESTIONS).stream().map(s -> new MedicineJson(s.name(),
                s.country(), s.medicine().code(), s.medicine().name(), s.medicine().kind(), messages.getMessage(
                        "medication.kind." + s.medicine().kind(), null, LocaleContextHolder.getLocale()),
                s.medicine().atc())).toList();
    }

    /**
     * @param name the name as offered (a brand or the medicine's name)
     * @param country where a brand is in use (FR, ES, UK), or {@code null} for the medicine's own name
     */
    record MedicineJson(String name, String country, String code, String medicine,
            IntakeDocument.MedicationKind medicineClass, String classLabel, List<String> atc) {
    }
}
