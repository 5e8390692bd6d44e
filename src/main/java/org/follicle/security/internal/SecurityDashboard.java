package org.follicle.security.internal;

import java.util.ArrayList;
import java.util.List;

import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.follicle.system.DashboardTile;
import org.follicle.system.DashboardTileSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Dashboard figures for admins: active staff accounts and sign-in failures of the last day. */
@Component
class SecurityDashboard implements DashboardTileSource {

    private final ClinicAccess access;

    private final JdbcClient jdbc;

    SecurityDashboard(ClinicAccess access, JdbcClient jdbc) {
        this.access = access;
        this.jdbc = jdbc;
    }

    @Override
    public List<DashboardTile> tiles() {
        List<DashboardTile> tiles = new ArrayList<>();
        var me = access.currentIfAny();
        if (me.isEmpty()) {
            return tiles;
        }
        var clinics = access.clinicsWith(Privilege.STAFF_MANAGE);
        if (!clinics.isEmpty()) {
            long staff = jdbc.sql("""
                    SELECT count(DISTINCT s.id) FROM security_staff s JOIN security_clinic_role r ON r.staff_id = s.id
                    WHERE s.active AND r.clinic_id IN (:clinics)""").param("clinics", clinics)
                    .query(Long.class).single();
            tiles.add(new DashboardTile("dashboard.activeStaff", String.valueOf(staff), "/admin/staff"));
        }
        if (!access.clinicsWith(Privilege.AUDIT_READ).isEmpty()) {
            long failures = jdbc.sql("""
                    SELECT count(*) FROM security_audit_entry
                    WHERE action = 'LOGIN_FAILURE' AND occurred_at > now() - interval '1 day'""")
                    .query(Long.class).single();
            tiles.add(new DashboardTile("dashboard.failedSignIns", String.valueOf(failures),
                    "/admin/audit?action=LOGIN_FAILURE"));
        }
        return tiles;
    }
}
