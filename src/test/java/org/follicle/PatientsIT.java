package org.follicle;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import org.follicle.security.Role;
import org.follicle.support.FollicleIntegrationTest;
import org.follicle.support.Http;
import org.follicle.support.StaffFixture;
import org.follicle.support.StaffFixture.Organisation;
import org.follicle.support.StaffFixture.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The patient registry through the API: registration, duplicates, search, correction, voiding, refusals. */
@FollicleIntegrationTest
class PatientsIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffFixture fixture;

    @Autowired
    JdbcClient jdbc;

    Http http;

    Organisation org;

    String assistant;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        org = fixture.organisation();
        Staff staff = fixture.staff(org, "assistant", Map.of(org.paris(), Role.ASSISTANT));
        assistant = fixture.token(staff);
    }

    @Test
    void registersAPatientAndFindsThemWithoutAccentsOrCase() {
        HttpResponse<String> created = register("Lefèvre-Dupré", "Hélène", "1984-03-21", "+33 6 12 34 56 78",
                "helene@example.invalid", false);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"fileNumber\":\"P").contains("Hélène");
        String fileNumber = created.body().replaceAll(".*\"fileNumber\":\"(P\\d+)\".*", "$1");

        for (String q : new String[] { "helene", "HÉLÈNE", "lefevre", "lefèvre-dup", "hel lef", "1984-03-21",
                "21/03/1984", "06 12 34 56 78", "+33612345678", "HELENE@example.invalid", fileNumber,
                fileNumber.toLowerCase() }) {
            HttpResponse<String> found = http.get("/api/v1/patients?q=" + java.net.URLEncoder.encode(q,
                    java.nio.charset.StandardCharsets.UTF_8), assistant);
            assertThat(found.statusCode()).as(q).isEqualTo(200);
            assertThat(found.body()).as(q).contains("Hélène").contains("\"total\":1");
        }
        assertThat(http.get("/api/v1/patients?q=elene", assistant).body()).as("not a beginning").contains("\"total\":0");
    }

    @Test
    void warnsOfAPossibleDuplicateAndRegistersItOnlyWhenConfirmed() {
        register("Bernard", "Sophie", "1979-01-02", null, null, false);
        HttpResponse<String> twin = register("BERNARD", "sophie", "1979-01-02", null, null, false);
        assertThat(twin.statusCode()).isEqualTo(409);
        assertThat(twin.body()).contains("duplicates").contains("fileNumber");
        HttpResponse<String> samePhone = register("Autre", "Personne", "1990-02-02", "0611223344", null, false);
        assertThat(samePhone.statusCode()).isEqualTo(201);
        assertThat(register("Encore", "Quelquun", "1991-02-02", "+33 6 11 22 33 44", null, false).statusCode())
                .isEqualTo(409);
        assertThat(register("BERNARD", "sophie", "1979-01-02", null, null, true).statusCode()).isEqualTo(201);
    }

    @Test
    void refusesImpossibleBirthDatesAndMissingFields() {
        HttpResponse<String> future = register("Futur", "Bébé",
                LocalDate.now(java.time.ZoneId.of("Europe/Paris")).plusDays(1).toString(), null, null, false);
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("\"field\":\"patient.birthDate\"").contains("future");
        assertThat(register("Ancien", "Homme", "1850-01-01", null, null, false).body()).contains("1900");
        assertThat(register("Mauvaise", "Date", "1984-02-30", null, null, false).statusCode()).isEqualTo(400);
        HttpResponse<String> missing = http.send("POST", "/api/v1/patients", assistant,
                "{\"clinicId\":" + org.paris() + ",\"patient\":{\"familyName\":\"\"}}", Map.of());
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("patient.familyName").contains("patient.givenName")
                .contains("patient.birthDate");
    }

    @Test
    void refusesToRegisterInAClinicWithoutARoleThere() {
        HttpResponse<String> response = http.send("POST", "/api/v1/patients", assistant, body("Ailleurs", "Marie",
                "1980-01-01", null, null, org.madrid(), false), Map.of());
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void correctsDetailsWithTheCurrentVersionOnly() {
        String id = id(register("Petit", "Julien", "1990-06-01", null, null, false));
        String etag = http.get("/api/v1/patients/" + id, assistant).headers().firstValue("ETag").orElseThrow();
        String corrected = "{\"familyName\":\"Petit\",\"givenName\":\"Julien\",\"birthDate\":\"1990-06-02\",\"sex\":\"MALE\"}";
        assertThat(http.send("PUT", "/api/v1/patients/" + id, assistant, corrected, Map.of("If-Match", etag))
                .statusCode()).isEqualTo(200);
        assertThat(http.send("PUT", "/api/v1/patients/" + id, assistant, corrected, Map.of("If-Match", etag))
                .statusCode()).isEqualTo(412);
        assertThat(http.get("/api/v1/patients/" + id, assistant).body()).contains("1990-06-02");
    }

    @Test
    void voidsWithAReasonAndKeepsTheRecord() {
        String id = id(register("Erreur", "Saisie", "1970-07-07", null, null, false));
        String etag = http.get("/api/v1/patients/" + id, assistant).headers().firstValue("ETag").orElseThrow();
        assertThat(http.send("POST", "/api/v1/patients/" + id + "/void", assistant, "{\"reason\":\"\"}",
                Map.of("If-Match", etag)).statusCode()).isEqualTo(400);
        HttpResponse<String> voided = http.send("POST", "/api/v1/patients/" + id + "/void", assistant,
                "{\"reason\":\"Registered twice\"}", Map.of("If-Match", etag));
        assertThat(voided.statusCode()).isEqualTo(200);
        assertThat(voided.body()).contains("\"voided\":true").contains("Registered twice");
        assertThat(http.get("/api/v1/patients?q=erreur", assistant).body()).contains("\"total\":0");
        assertThat(http.get("/api/v1/patients/" + id, assistant).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM security_audit_entry WHERE record_type = 'patient' AND record_id = :id "
                + "AND action = 'VOID' AND outcome = 'SUCCESS'").param("id", id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void readsAndSearchesAreAudited() {
        String id = id(register("Audit", "Lecture", "1960-01-01", null, null, false));
        http.get("/api/v1/patients/" + id, assistant);
        assertThat(jdbc.sql("SELECT actor_roles FROM security_audit_entry WHERE record_type = 'patient' "
                + "AND record_id = :id AND action = 'READ'").param("id", id).query(String.class).list())
                .containsExactly("ASSISTANT");
    }

    @Test
    void anotherClinicsPatientsAreInvisibleUntilTheOrganisationSharesThem() {
        long madridPatient = fixture.patient(org, org.madrid(), "Lejos", "Ana");
        assertThat(http.get("/api/v1/patients/" + madridPatient, assistant).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/patients?q=lejos", assistant).body()).contains("\"total\":0");
        Staff parisOnlyAdmin = fixture.staff(org, "paris-admin", Map.of(org.paris(), Role.ADMIN));
        Http parisAdmin = new Http(port);
        parisAdmin.signIn(parisOnlyAdmin.username(), StaffFixture.PASSWORD);
        assertThat(parisAdmin.page("/admin/registry").statusCode()).as("not an admin of Madrid").isEqualTo(403);
        Staff orgAdmin = fixture.staff(org, "org-admin", Map.of(org.paris(), Role.ADMIN, org.madrid(), Role.ADMIN));
        Http admin = new Http(port);
        admin.signIn(orgAdmin.username(), StaffFixture.PASSWORD);
        admin.page("/admin/registry");
        assertThat(admin.form("/admin/registry", Map.of("shared", "true")).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT detail FROM security_audit_entry WHERE actor = :u AND action = 'SETTINGS_CHANGE'")
                .param("u", orgAdmin.username()).query(String.class).single()).isEqualTo("shareAcrossClinics=true");
        assertThat(http.get("/api/v1/patients/" + madridPatient, assistant).statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/patients?q=lejos", assistant).body()).contains("\"total\":1");
    }

    @Test
    void pagesThroughTheRegistry() {
        for (int i = 0; i < 5; i++) {
            register("Page" + org.suffix(), "Patient" + i, "1980-01-0" + (i + 1), null, null, false);
        }
        HttpResponse<String> second = http.get("/api/v1/patients?q=page" + org.suffix() + "&page=1&size=2", assistant);
        assertThat(second.body()).contains("\"total\":5").contains("Patient2").contains("Patient3")
                .doesNotContain("Patient1");
        // The last page holds one; a page past it holds none and still says how many there are.
        assertThat(http.get("/api/v1/patients?q=page" + org.suffix() + "&page=2&size=2", assistant).body())
                .contains("\"total\":5").contains("Patient4").doesNotContain("Patient3");
        assertThat(http.get("/api/v1/patients?q=page" + org.suffix() + "&page=7&size=2", assistant).body())
                .contains("\"total\":5").doesNotContain("Patient");
    }

    private HttpResponse<String> register(String family, String given, String birth, String phone, String email,
            boolean allowDuplicate) {
        return http.send("POST", "/api/v1/patients", assistant,
                body(family, given, birth, phone, email, org.paris(), allowDuplicate), Map.of());
    }

    private static String body(String family, String given, String birth, String phone, String email, long clinic,
            boolean allowDuplicate) {
        return "{\"clinicId\":" + clinic + ",\"allowDuplicate\":" + allowDuplicate + ",\"patient\":{\"familyName\":\""
                + family + "\",\"givenName\":\"" + given + "\",\"birthDate\":\"" + birth + "\",\"sex\":\"FEMALE\""
                + (phone == null ? "" : ",\"phone\":\"" + phone + "\"")
                + (email == null ? "" : ",\"email\":\"" + email + "\"") + "}}";
    }

    private static String id(HttpResponse<String> created) {
        assertThat(created.statusCode()).isEqualTo(201);
        return created.body().replaceAll("^\\{\"id\":(\\d+),.*", "$1");
    }
}
