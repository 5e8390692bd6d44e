package org.follicle.security;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The clinic's staff as other modules need them: who treats patients in a clinic (the practitioners, who are
 * the calendar's resources) and a colleague's name. No access check: callers check access to what they show.
 */
@Component
public class StaffDirectory {

    private final JdbcClient jdbc;

    StaffDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Active accounts with a role that treats patients in the clinic, by name. */
    public List<StaffMember> practitionersOf(long clinicId) {
        return jdbc.sql("""
                SELECT DISTINCT s.id, s.organisation_id, s.display_name, s.email FROM security_staff s
                JOIN security_clinic_role r ON r.staff_id = s.id
                WHERE r.clinic_id = :clinic AND r.role = :role AND s.active ORDER BY s.display_name, s.id""")
                .param("clinic", clinicId).param("role", Role.PRACTITIONER.name()).query(StaffMember.class).list();
    }

    /** Whether the account is an active practitioner in the clinic. */
    public boolean isPractitionerIn(long staffId, long clinicId) {
        return jdbc.sql("""
                SELECT count(*) FROM security_staff s JOIN security_clinic_role r ON r.staff_id = s.id
                WHERE s.id = :staff AND r.clinic_id = :clinic AND r.role = :role AND s.active""")
                .param("staff", staffId).param("clinic", clinicId).param("role", Role.PRACTITIONER.name())
                .query(Long.class).single() > 0;
    }

    public Optional<StaffMember> find(long staffId) {
        return jdbc.sql("SELECT id, organisation_id, display_name, email FROM security_staff WHERE id = :id")
                .param("id", staffId).query(StaffMember.class).optional();
    }

    /** A staff member as others see them. */
    public record StaffMember(long id, long organisationId, String displayName, String email) {
    }
}
