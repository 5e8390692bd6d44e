package org.follicle.patients;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What staff enter about a patient, on the page or through the API. */
public record PatientDetails(
        @NotBlank @Size(max = 100) String familyName,
        @NotBlank @Size(max = 100) String givenName,
        @NotNull @PastOrPresent(message = "{patient.birthDateFuture}") LocalDate birthDate,
        @NotNull Sex sex,
        @Size(max = 40) @Pattern(regexp = "[0-9+() .\\-]*", message = "{patient.phoneInvalid}") String phone,
        @Email @Size(max = 320) String email,
        @Pattern(regexp = "(en|fr|es)?", message = "{patient.languageInvalid}") String preferredLanguage) {
}
