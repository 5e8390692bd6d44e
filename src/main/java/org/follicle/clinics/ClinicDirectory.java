package org.follicle.clinics;

import java.util.List;
import java.util.Optional;

import org.follicle.clinics.internal.ClinicStore;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.follicle.system.RecordNotFoundException;
import org.springframework.stereotype.Component;

/** Finds clinics and their rooms, without access checks: callers check access for what they show. */
@Component
public class ClinicDirectory {

    private final ClinicStore clinics;

    private final ClinicAccess access;

    ClinicDirectory(ClinicStore clinics, ClinicAccess access) {
        this.clinics = clinics;
        this.access = access;
    }

    /**
     * A clinic of the user's organisation where the user holds the privilege: 404 for a clinic the user's
     * organisation does not have, 403 (audited) without the privilege.
     */
    public ClinicView requireClinic(long clinicId, Privilege privilege) {
        ClinicView clinic = find(clinicId).filter(c -> c.organisationId() == access.current().organisationId())
                .orElseThrow(() -> new RecordNotFoundException("clinic", clinicId));
        access.require(privilege, clinic.id());
        return clinic;
    }

    public Optional<ClinicView> find(long clinicId) {
        return clinics.findView(clinicId);
    }

    public List<RoomView> roomsOf(long clinicId) {
        return clinics.roomsOf(clinicId);
    }
}
