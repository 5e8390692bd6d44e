package org.follicle.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import org.follicle.scheduling.AppointmentRescheduled;
import org.follicle.security.Role;
import org.follicle.support.StaffFixture;
import org.follicle.support.StaffFixture.Organisation;
import org.follicle.support.StaffFixture.Staff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

/**
 * Plans with what it depends on and nothing else (no sessions or outcomes): when a course's session moves to a later
 * day, the course's later sessions move by as many days, as the practitioner who moved it.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@Import(StaffFixture.class)
class CourseScenarioIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired
    StaffFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theLaterSessionsOfACourseFollowAMovedOne(Scenario scenario) {
        Organisation org = fixture.organisation();
        Staff doctor = fixture.staff(org, "doctor", Map.of(org.paris(), Role.PRACTITIONER));
        fixture.weekdayHours(org.paris(), doctor.id());
        long patient = fixture.patient(org, org.paris(), "Cours", "Claire");
        // Weekly sessions on Mondays (MESO_AGA: four a week apart, then a fortnight apart).
        LocalDate start = LocalDate.now(PARIS).plusWeeks(2).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        long plan = fixture.startedCourse(org, org.paris(), patient, doctor.id(), "MESO_AGA", start);
        long first = 0;
        for (int sequence = 1; sequence <= 3; sequence++) {
            long id = jdbc.sql("""
                    INSERT INTO scheduling_appointment (organisation_id, clinic_id, patient_id, practitioner_id,
                        type_code, starts_at, ends_at, status, plan_id, plan_sequence, created_at, created_by,
                        changed_at, changed_by)
                    VALUES (:org, :clinic, :patient, :doctor, 'MESOTHERAPY', :start, :start + INTERVAL '30 minutes',
                        'BOOKED', :plan, :sequence, now(), 'test', now(), 'test') RETURNING id""")
                    .param("org", org.id()).param("clinic", org.paris()).param("patient", patient)
                    .param("doctor", doctor.id()).param("plan", plan).param("sequence", sequence)
                    .param("start", start.plusWeeks(sequence - 1).atTime(LocalTime.of(10, 0)).atZone(PARIS)
                            .toOffsetDateTime())
                    .query(Long.class).single();
            first = sequence == 1 ? id : first;
        }
        UserDetails signedIn = users.loadUserByUsername(doctor.username());
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(signedIn, null, signedIn.getAuthorities()));

        // The first session moved from Monday to Wednesday.
        scenario.publish(new AppointmentRescheduled(first, plan, 1, start, start.plusDays(2)))
                .andWaitForStateChange(() -> days(plan), days -> !days.get(1).equals(start.plusWeeks(1)))
                .andVerify(days -> assertThat(days).containsExactly(start, start.plusWeeks(1).plusDays(2),
                        start.plusWeeks(2).plusDays(2)));
    }

    /** The days of the course's appointments, in the clinic, by sequence (the first is the test's to move). */
    private List<LocalDate> days(long plan) {
        return jdbc.sql("""
                SELECT (starts_at AT TIME ZONE 'Europe/Paris')::date FROM scheduling_appointment
                WHERE plan_id = :plan ORDER BY plan_sequence""").param("plan", plan).query(LocalDate.class).list();
    }
}
