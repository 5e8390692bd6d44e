package org.follicle.security;

import java.util.Optional;
import java.util.Set;

/**
 * The privilege check every module makes on the server before it reads or writes a clinic's records. A user
 * sees a clinic's records only through a role in that clinic.
 */
public interface ClinicAccess {

    /** Session attribute holding the clinic chosen with the clinic switcher. */
    String SELECTED_CLINIC = "follicle.clinicId";

    /** The signed-in staff member; fails when nobody is signed in. */
    CurrentStaff current();

    Optional<CurrentStaff> currentIfAny();

    /** The patient signed in to the portal, if that is who is acting; staff privileges never apply to them. */
    Optional<SignedInPatient> signedInPatient();

    /** Who acts, as a record names its author: the staff member's login, or the patient on the portal. */
    String actorName();

    boolean can(Privilege privilege, long clinicId);

    /** Refuses (403, logged and audited) unless the user holds the privilege in the clinic. */
    void require(Privilege privilege, long clinicId);

    /**
     * Refuses as if the record did not exist (404, logged and audited) unless the user holds the privilege in
     * the record's clinic: another clinic's records cannot even be discovered.
     */
    void requireVisible(Privilege privilege, long clinicId, String recordType, Object recordId);

    /** The clinics where the user holds the privilege. */
    Set<Long> clinicsWith(Privilege privilege);

    /**
     * The clinic the user works in now: the one chosen with the clinic switcher while they still have a role
     * there, else the first of their clinics; empty for a user with no clinic.
     */
    Optional<Long> selectedClinic();

    /** The clinic the user works in now (see {@link #selectedClinic()}); refused (403) for a user with no clinic. */
    long workingClinic();

    /** Remembers the clinic chosen with the switcher; refused for a clinic where the user has no role. */
    void selectClinic(long clinicId);
}
