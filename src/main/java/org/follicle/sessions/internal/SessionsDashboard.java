package org.follicle.sessions.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.follicle.system.DashboardTile;
import org.follicle.system.DashboardTileSource;
import org.springframework.stereotype.Component;

/** Serious adverse events still ongoing, flagged on the dashboard of whoever may read them. */
@Component
class SessionsDashboard implements DashboardTileSource {

    private final AdverseEvents events;

    private final ClinicAccess access;

    private final Clock clock;

    SessionsDashboard(AdverseEvents events, ClinicAccess access, Clock clock) {
        this.events = events;
        this.access = access;
        this.clock = clock;
    }

    @Override
    public List<DashboardTile> tiles() {
        var clinics = access.clinicsWith(Privilege.PATIENT_READ);
        if (clinics.isEmpty()) {
            return List.of();
        }
        return List.of(new DashboardTile("dashboard.seriousAdverseEvents",
                String.valueOf(events.seriousOngoing(clinics)), "/adverse-events?severity=SERIOUS"),
                new DashboardTile("dashboard.adverseFollowUps", String.valueOf(events.followUpsDue(clinics,
                        LocalDate.now(clock))), "/adverse-events?followUpDue=true"));
    }
}
