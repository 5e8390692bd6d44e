package org.follicle.security.internal;

import java.util.List;
import java.util.Optional;

import org.follicle.security.Role;
import org.follicle.security.StaffDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class StaffDirectoryService implements StaffDirectory {

    private final JdbcClient jdbc;

    StaffDirectoryService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<StaffDirectory.StaffMember> practitionersOf(long clinicId) {
        return jdbc.sql("""
                SELECT DISTINCT s.id, s.organisation_id, s.display_name, s.email FROM security_staff s
                JOIN security_clinic_role r ON r.staff_id = s.id
                WHERE r.clinic_id = :clinic AND r.role = :role AND s.active ORDER BY s.display_name, s.id""")
                .param("clinic", clinicId).param("role", Role.PRACTITIONER.name()).query(StaffDirectory.StaffMember.class).list();
    }

    @Override
    public boolean isPractitionerIn(long staffId, long clinicId) {
        return jdbc.sql("""
                SELECT count(*) FROM security_staff s JOIN security_clinic_role r ON r.staff_id = s.id
                WHERE s.id = :staff AND r.clinic_id = :clinic AND r.role = :role AND s.active""")
                .param("staff", staffId).param("clinic", clinicId).param("role", Role.PRACTITIONER.name())
                .query(Long.class).single() > 0;
    }

    @Override
    public Optional<StaffDirectory.StaffMember> find(long staffId) {
        return jdbc.sql("SELECT id, organisation_id, display_name, email FROM security_staff WHERE id = :id")
                .param("id", staffId).query(StaffDirectory.StaffMember.class).optional();
    }
}
