package org.follicle;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.follicle.security.Role;
import org.follicle.support.FollicleIntegrationTest;
import org.follicle.support.Http;
import org.follicle.support.StaffFixture;
import org.follicle.support.StaffFixture.Organisation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The double-booking storm: a second Follicle instance started on the same database, and many threads booking
 * overlapping times for one practitioner and one room through both at once. PostgreSQL's exclusion constraints
 * decide: every request ends in 201 or a clear 422, and no two appointments that hold time overlap.
 */
@FollicleIntegrationTest
class DoubleBookingIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    @Test
    void manyThreadsOnTwoInstancesNeverDoubleBookAPractitionerOrARoom() throws Exception {
        Organisation org = fixture.organisation();
        StaffFixture.Staff doctor = fixture.staff(org, "doctor", Map.of(org.paris(), Role.PRACTITIONER));
        StaffFixture.Staff other = fixture.staff(org, "other", Map.of(org.paris(), Role.PRACTITIONER));
        String desk = fixture.token(fixture.staff(org, "desk", Map.of(org.paris(), Role.ASSISTANT)));
        fixture.weekdayHours(org.paris(), doctor.id(), other.id());
        long room = fixture.room(org.paris(), "Room A");
        List<Long> patients = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            patients.add(fixture.patient(org, org.paris(), "Storm" + i, "Sam"));
        }
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(8).with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
        try (ConfigurableApplicationContext second = secondInstance()) {
            int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
            List<Callable<HttpResponse<String>>> requests = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                // Starts every 10 minutes between 10:00 and 11:50, 30 minutes long: most requests overlap others.
                LocalTime start = LocalTime.of(10, 0).plusMinutes(10L * (i % 12));
                long practitioner = i % 4 == 3 ? other.id() : doctor.id();
                long patient = patients.get(i % patients.size());
                int target = i % 2 == 0 ? port : secondPort;
                requests.add(() -> new Http(target).send("POST", "/api/v1/appointments", desk, "{\"clinicId\":"
                        + org.paris() + ",\"patientId\":" + patient + ",\"practitionerId\":" + practitioner
                        + ",\"roomId\":" + room + ",\"typeCode\":\"CONSULTATION\",\"start\":\"" + day + "T" + start
                        + "\"}", Map.of()));
            }
            Collections.shuffle(requests);
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> f : pool.invokeAll(requests)) {
                responses.add(f.get());
            }
            pool.shutdown();
            long created = responses.stream().filter(r -> r.statusCode() == 201).count();
            assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isIn(201, 422));
            assertThat(responses).filteredOn(r -> r.statusCode() == 422)
                    .allSatisfy(r -> assertThat(r.body()).containsAnyOf("The practitioner already has an appointment",
                            "The room is already booked"));
            assertThat(created).isPositive();
            assertThat(jdbc.sql("SELECT count(*) FROM scheduling_appointment WHERE clinic_id = :clinic")
                    .param("clinic", org.paris()).query(Long.class).single()).isEqualTo(created);
            assertThat(overlaps("practitioner_id", org.paris())).isZero();
            assertThat(overlaps("room_id", org.paris())).isZero();
        }
    }

    private long overlaps(String resource, long clinic) {
        return jdbc.sql("SELECT count(*) FROM scheduling_appointment a JOIN scheduling_appointment b ON a.id < b.id"
                + " AND a." + resource + " = b." + resource + " AND tstzrange(a.starts_at, a.ends_at) && "
                + "tstzrange(b.starts_at, b.ends_at) WHERE a.clinic_id = :clinic AND a.status IN ('BOOKED', 'ATTENDED')"
                + " AND b.status IN ('BOOKED', 'ATTENDED')").param("clinic", clinic).query(Long.class).single();
    }

    /** A second Follicle, as another instance behind a load balancer would be: same database, its own port. */
    private ConfigurableApplicationContext secondInstance() {
        return new SpringApplicationBuilder(FollicleApplication.class).profiles("test")
                .properties("server.port=0", "spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                        "spring.datasource.username=" + environment.getProperty("spring.datasource.username", ""),
                        "spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                        "spring.jmx.enabled=false")
                // On the command line, above application.properties' server.port (the defaults above are below it).
                .run("--server.port=0");
    }
}
