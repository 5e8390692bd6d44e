package org.follicle.security;

import java.util.List;
import java.util.Optional;

/**
 * The clinic's staff as other modules need them: who treats patients in a clinic (the practitioners, who are
 * the calendar's resources) and a colleague's name. No access check: callers check access to what they show.
 */
public interface StaffDirectory {

    /** Active accounts with a role that treats patients in the clinic, by name. */
    List<StaffMember> practitionersOf(long clinicId);

    /** Whether the account is an active practitioner in the clinic. */
    boolean isPractitionerIn(long staffId, long clinicId);

    Optional<StaffMember> find(long staffId);

    /** A staff member as others see them. */
    record StaffMember(long id, long organisationId, String displayName, String email) {
    }
}
