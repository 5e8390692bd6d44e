package org.follicle.plans.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.follicle.system.DemoDataContributor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Two demo courses in Paris: Lefèvre three weeks into mesotherapy for androgenetic alopecia (three sessions
 * attended, the rest booked), and Bernard, whose PRP course (its last review eight months ago) calls for
 * maintenance every six months, so the recall list shows her.
 * Demo data writes the appointments directly: the booking checks need a signed-in user.
 */
@Component
class PlansDemoData implements DemoDataContributor {

    private final ProtocolLibrary protocols;

    private final PlanStore plans;

    private final JdbcClient jdbc;

    private final Clock clock;

    PlansDemoData(ProtocolLibrary protocols, PlanStore plans, JdbcClient jdbc, Clock clock) {
        this.protocols = protocols;
        this.plans = plans;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        return 70;
    }

    @Override
    public void loadDemoData() {
        protocols.run(null);
        long org = jdbc.sql("SELECT id FROM clinics_organisation WHERE name = 'Demo Hair Clinics'").query(Long.class)
                .single();
        long paris = jdbc.sql("SELECT id FROM clinics_clinic WHERE organisation_id = :org AND name = 'Paris'")
                .param("org", org).query(Long.class).single();
        long practitioner = jdbc.sql("SELECT id FROM security_staff WHERE username = 'practitioner'")
                .query(Long.class).single();
        LocalDate today = LocalDate.now(clock);
        course(org, paris, practitioner, patient(paris, "Lefèvre"), "MESO_AGA", monday(today.minusWeeks(3)),
                LocalTime.of(9, 0), PlanStatus.ACTIVE, today);
        course(org, paris, practitioner, patient(paris, "Bernard"), "PRP", monday(today.minusMonths(14)),
                LocalTime.of(16, 0), PlanStatus.COMPLETED, today);
        // Courses that ended, reviewed at six months (the outcomes demo data records the reviews); each keeps two
        // hours of the practitioner's day away from Bernard's 16:00 to 17:20, so no two visits overlap.
        int[] hours = { 7, 9, 11, 13, 18, 20 };
        String[][] past = { { "Rousseau", "MESO_AGA" }, { "Petit", "MESO_AGA" }, { "Laurent", "MESO_AGA" },
            { "Smith", "MESO_AGA" }, { "Roux", "PRP" }, { "Fontaine", "PRP" } };
        for (int i = 0; i < past.length; i++) {
            course(org, paris, practitioner, patient(paris, past[i][0]), past[i][1],
                    monday(today.minusMonths(8).plusWeeks(i % 3)), LocalTime.of(hours[i], 0), PlanStatus.COMPLETED,
                    today);
        }
    }

    private void course(long org, long clinic, long practitioner, long patient, String code, LocalDate start,
            LocalTime time, PlanStatus status, LocalDate today) {
        ProtocolDefinition protocol = protocols.find(org, code).orElseThrow().definition();
        long plan = plans.insert(org, clinic, patient, protocol, null, practitioner, null, start, time, status,
                clock.instant(), "demo");
        for (ProtocolDefinition.Visit visit : protocol.visits(start)) {
            LocalDate day = weekday(visit.target());
            ZonedDateTime at = ZonedDateTime.of(day, visit.kind() == ProtocolDefinition.Visit.Kind.SESSION ? time
                    : time.plusHours(1), ZoneId.of("Europe/Paris"));
            int minutes = "PRP".equals(visit.typeCode()) ? 60 : visit.typeCode().equals("FOLLOW_UP") ? 20 : 30;
            String state = day.isBefore(today) ? "ATTENDED" : "BOOKED";
            jdbc.sql("""
                    INSERT INTO scheduling_appointment (organisation_id, clinic_id, patient_id, practitioner_id,
                        type_code, starts_at, ends_at, status, plan_id, plan_sequence, created_at, created_by,
                        changed_at, changed_by)
                    VALUES (:org, :clinic, :patient, :practitioner, :type, :starts, :ends, :status, :plan, :sequence,
                        now(), 'demo', now(), 'demo')""").param("org", org).param("clinic", clinic)
                    .param("patient", patient).param("practitioner", practitioner).param("type", visit.typeCode())
                    .param("starts", Timestamp.from(at.toInstant()))
                    .param("ends", Timestamp.from(at.plusMinutes(minutes).toInstant())).param("status", state)
                    .param("plan", plan).param("sequence", visit.sequence()).update();
        }
    }

    private long patient(long clinic, String family) {
        return jdbc.sql("SELECT id FROM patients_patient WHERE clinic_id = :clinic AND family_name = :family "
                + "AND created_by = 'demo'").param("clinic", clinic).param("family", family).query(Long.class)
                .single();
    }

    private static LocalDate monday(LocalDate day) {
        return day.with(DayOfWeek.MONDAY);
    }

    private static LocalDate weekday(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> day.plusDays(2);
            case SUNDAY -> day.plusDays(1);
            default -> day;
        };
    }
}
