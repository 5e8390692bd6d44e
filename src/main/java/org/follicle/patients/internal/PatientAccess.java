package org.follicle.patients.internal;

import java.util.Set;
import java.util.stream.Collectors;

import org.follicle.patients.PatientView;
import org.follicle.security.ClinicAccess;
import org.follicle.security.ClinicCatalog;
import org.follicle.security.ClinicRef;
import org.follicle.security.CurrentStaff;
import org.follicle.security.Privilege;
import org.follicle.system.RecordNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who sees which patients. A patient belongs to a clinic; its staff read it. When the organisation shares
 * patients across its clinics, staff who read patients in any of its clinics read them all. Changes always need
 * a role in the patient's own clinic.
 */
@Component
public class PatientAccess {

    private final ClinicAccess access;

    private final ClinicCatalog clinics;

    private final PatientStore patients;

    PatientAccess(ClinicAccess access, ClinicCatalog clinics, PatientStore patients) {
        this.access = access;
        this.clinics = clinics;
        this.patients = patients;
    }

    /** The clinics whose patients the user may read. */
    Set<Long> readableClinics() {
        Set<Long> own = access.clinicsWith(Privilege.PATIENT_READ);
        if (own.isEmpty()) {
            return own;
        }
        CurrentStaff staff = access.current();
        if (!patients.sharedAcrossClinics(staff.organisationId())) {
            return own;
        }
        return clinics.clinicsOf(staff.organisationId()).stream().map(ClinicRef::id).collect(Collectors.toSet());
    }

    /** The patient if the user may read them; as missing (404, audited) otherwise. */
    public PatientView readable(long patientId) {
        PatientView patient = patients.find(patientId)
                .orElseThrow(() -> new RecordNotFoundException(PatientStore.RECORD_TYPE, patientId));
        // A patient signed in to the portal reads their own record, and only it.
        boolean self = access.signedInPatient().filter(p -> p.patientId() == patientId).isPresent();
        if (!self && !access.can(Privilege.PATIENT_READ, patient.clinicId())
                && !readableClinics().contains(patient.clinicId())) {
            access.requireVisible(Privilege.PATIENT_READ, patient.clinicId(), PatientStore.RECORD_TYPE, patientId);
        }
        return patient;
    }

    /**
     * Patients of the organisation by id, whatever clinics the user works in: only for a safety notice (a lot's
     * recall) that must reach every recipient.
     */
    public java.util.List<PatientView> ofOrganisation(long organisationId, java.util.Collection<Long> ids) {
        return ids.stream().map(patients::find).flatMap(java.util.Optional::stream)
                .filter(p -> p.organisationId() == organisationId).toList();
    }

    /** The patients among the ids that the user may read; the others are left out, as if missing. */
    public java.util.Map<Long, PatientView> readableAmong(java.util.Collection<Long> ids) {
        return patients.findAll(ids, readableClinics()).stream()
                .collect(Collectors.toMap(PatientView::id, p -> p));
    }

    /** The patient if the user may change them: a privilege in the patient's own clinic. */
    public PatientView writable(long patientId, Privilege privilege) {
        PatientView patient = readable(patientId);
        access.require(privilege, patient.clinicId());
        return patient;
    }
}
