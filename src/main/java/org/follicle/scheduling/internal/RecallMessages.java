package org.follicle.scheduling.internal;

import java.util.ArrayList;
import java.util.List;

import org.follicle.clinics.ClinicDirectory;
import org.follicle.clinics.ClinicView;
import org.follicle.formulary.LotRecalled;
import org.follicle.formulary.Stock;
import org.follicle.patients.PatientRegistry;
import org.follicle.patients.PatientView;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes to each patient who received a recalled lot, through the outbox, in the same transaction as the recall:
 * the emails go if and only if the recall is recorded. A patient without an email stays for the clinic to reach.
 */
@Component
class RecallMessages {

    private final Messages messages;

    private final PatientRegistry patients;

    private final ClinicDirectory clinics;

    private final Stock stock;

    RecallMessages(Messages messages, PatientRegistry patients, ClinicDirectory clinics, Stock stock) {
        this.messages = messages;
        this.patients = patients;
        this.clinics = clinics;
        this.stock = stock;
    }

    @EventListener
    void on(LotRecalled recall) {
        List<Long> emailed = new ArrayList<>();
        var clinicOf = new java.util.HashMap<Long, Long>();
        recall.recipients().forEach(r -> clinicOf.put(r.patientId(), r.clinicId()));
        for (PatientView patient : patients.forSafetyNotice(recall.organisationId(), clinicOf.keySet())) {
            if (patient.email() == null || patient.email().isBlank() || patient.voided()) {
                continue;
            }
            ClinicView clinic = clinics.find(clinicOf.get(patient.id())).orElseThrow();
            messages.lotRecalled(patient, recall.organisationId(), clinic.id(), clinic.name(), recall.productName(),
                    recall.lotNumber());
            emailed.add(patient.id());
        }
        stock.recallEmailed(recall.lotId(), emailed);
    }
}
