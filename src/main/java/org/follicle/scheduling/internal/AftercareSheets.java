package org.follicle.scheduling.internal;

import java.util.List;
import java.util.Map;

import org.follicle.clinics.ClinicDirectory;
import org.follicle.clinics.ClinicView;
import org.follicle.patients.PatientRegistry;
import org.follicle.patients.PatientView;
import org.follicle.scheduling.AppointmentView;
import org.follicle.system.PdfDocuments;
import org.springframework.stereotype.Component;

/**
 * The aftercare sheet handed to the patient, in their language: the same advice as the aftercare email, and for a
 * course with check-ins (after a transplant) the day-by-day visits.
 */
@Component
class AftercareSheets {

    private final Messages messages;

    private final PatientRegistry patients;

    private final ClinicDirectory clinics;

    private final PdfDocuments pdf;

    AftercareSheets(Messages messages, PatientRegistry patients, ClinicDirectory clinics, PdfDocuments pdf) {
        this.messages = messages;
        this.patients = patients;
        this.clinics = clinics;
        this.pdf = pdf;
    }

    byte[] render(long patientId, long clinicId, List<AppointmentView> visits) {
        PatientView patient = patients.readablePatient(patientId);
        ClinicView clinic = clinics.find(clinicId).orElseThrow();
        String text = messages.aftercareText(patient, clinic.organisationId(), clinic.name());
        return pdf.render("scheduling/aftercare-pdf", Map.of("patient", patient, "clinic", clinic, "lines",
                List.of(text.split("\n")), "visits", visits), Messages.languageOf(patient));
    }
}
