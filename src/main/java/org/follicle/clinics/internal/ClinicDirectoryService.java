package org.follicle.clinics.internal;

import java.util.List;
import java.util.Optional;

import org.follicle.clinics.ClinicDirectory;
import org.follicle.clinics.ClinicView;
import org.follicle.clinics.RoomView;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.follicle.system.RecordNotFoundException;
import org.springframework.stereotype.Component;

@Component
class ClinicDirectoryService implements ClinicDirectory {

    private final ClinicStore clinics;

    private final ClinicAccess access;

    ClinicDirectoryService(ClinicStore clinics, ClinicAccess access) {
        this.clinics = clinics;
        this.access = access;
    }

    @Override
    public ClinicView requireClinic(long clinicId, Privilege privilege) {
        ClinicView clinic = find(clinicId).filter(c -> c.organisationId() == access.current().organisationId())
                .orElseThrow(() -> new RecordNotFoundException("clinic", clinicId));
        access.require(privilege, clinic.id());
        return clinic;
    }

    @Override
    public Optional<ClinicView> find(long clinicId) {
        return clinics.findView(clinicId);
    }

    @Override
    public Optional<String> organisationName(long organisationId) {
        return clinics.organisationName(organisationId);
    }

    @Override
    public List<RoomView> roomsOf(long clinicId) {
        return clinics.roomsOf(clinicId);
    }
}
