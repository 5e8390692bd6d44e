package org.follicle;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.follicle.security.Role;
import org.follicle.support.FollicleIntegrationTest;
import org.follicle.support.Http;
import org.follicle.support.Photos;
import org.follicle.support.StaffFixture;
import org.follicle.support.StaffFixture.Organisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Photos through the API: consent first, content checks, metadata removed, every view audited. */
@FollicleIntegrationTest
class PhotosIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffFixture fixture;

    @Autowired
    JdbcClient jdbc;

    Http http;

    Organisation org;

    String assistant;

    long patient;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        org = fixture.organisation();
        assistant = fixture.token(fixture.staff(org, "assistant", Map.of(org.paris(), Role.ASSISTANT)));
        patient = fixture.patient(org, org.paris(), "Photo", "Anne");
    }

    @Test
    void needsThePatientsPhotographyConsent() {
        HttpResponse<String> refused = upload(Photos.jpegWithExif(), "top.jpg");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("photography consent");
        long consent = fixture.consent(patient, org.paris(), org.id(), "PHOTOGRAPHY");
        assertThat(upload(Photos.jpegWithExif(), "top.jpg").statusCode()).isEqualTo(201);
        jdbc.sql("UPDATE intake_consent SET withdrawn_at = now(), withdrawal_reason = 'test' WHERE id = :id")
                .param("id", consent).update();
        assertThat(upload(Photos.png(), "top.png").statusCode()).isEqualTo(422);
    }

    @Test
    void storesAnUprightPhotoWithoutMetadataAndAuditsEachView() throws Exception {
        fixture.consent(patient, org.paris(), org.id(), "PHOTOGRAPHY");
        HttpResponse<String> created = upload(Photos.jpegWithExif(), "IMG_0001.jpg");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"width\":200").contains("\"height\":400").contains("\"view\":\"TOP\"");
        String id = created.body().replaceAll("^\\{\"id\":(\\d+),.*", "$1");
        var image = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/patients/" + patient + "/photos/" + id))
                .header("Authorization", "Bearer " + assistant).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(image.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(new String(image.body(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
        http.get("/api/v1/patients/" + patient + "/photos/" + id + "?thumbnail=true", assistant);
        assertThat(jdbc.sql("SELECT count(*) FROM security_audit_entry WHERE record_type = 'photo' AND record_id = :id "
                + "AND action = 'READ'").param("id", id).query(Long.class).single()).isEqualTo(2);
        assertThat(http.get("/api/v1/patients/" + patient + "/photos", assistant).body()).contains("\"id\":" + id);
    }

    @Test
    void refusesWhatIsNotAPhotoAndStoresNothing() {
        fixture.consent(patient, org.paris(), org.id(), "PHOTOGRAPHY");
        HttpResponse<String> text = upload("just some text".getBytes(StandardCharsets.UTF_8), "scalp.jpg");
        assertThat(text.statusCode()).isEqualTo(422);
        assertThat(text.body()).contains("not a JPEG, PNG or WebP");
        HttpResponse<String> bomb = upload(Photos.decompressionBomb(), "bomb.png");
        assertThat(bomb.statusCode()).isEqualTo(422);
        assertThat(bomb.body()).contains("million pixels");
        assertThat(http.upload("/api/v1/patients/" + patient + "/photos", assistant, Map.of("view", "CLOSE_UP"),
                "c.png", Photos.png()).body()).contains("site of a close-up");
        assertThat(http.upload("/api/v1/patients/" + patient + "/photos", assistant, Map.of("view", "SIDEWAYS"),
                "c.png", Photos.png()).statusCode()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM diagnosis_photo WHERE patient_id = :p").param("p", patient)
                .query(Long.class).single()).isZero();
    }

    private HttpResponse<String> upload(byte[] content, String name) {
        return http.upload("/api/v1/patients/" + patient + "/photos", assistant, Map.of("view", "TOP"), name, content);
    }
}
