package org.follicle.clinics;

import java.util.List;
import java.util.Optional;

import org.follicle.clinics.internal.Clinics;
import org.springframework.stereotype.Component;

/** Finds clinics and their rooms, without access checks: callers check access for what they show. */
@Component
public class ClinicDirectory {

    private final Clinics clinics;

    ClinicDirectory(Clinics clinics) {
        this.clinics = clinics;
    }

    public Optional<ClinicView> find(long clinicId) {
        return clinics.findView(clinicId);
    }

    public List<RoomView> roomsOf(long clinicId) {
        return clinics.roomsOf(clinicId);
    }
}
