package org.follicle.clinics;

import java.util.List;
import java.util.Optional;

import org.follicle.security.Privilege;

/** Finds clinics and their rooms, without access checks: callers check access for what they show. */
public interface ClinicDirectory {

    /**
     * A clinic of the user's organisation where the user holds the privilege: 404 for a clinic the user's
     * organisation does not have, 403 (audited) without the privilege.
     */
    ClinicView requireClinic(long clinicId, Privilege privilege);

    Optional<ClinicView> find(long clinicId);

    List<RoomView> roomsOf(long clinicId);

    /** The organisation's name, as its clinics' letterheads show it. */
    Optional<String> organisationName(long organisationId);
}
