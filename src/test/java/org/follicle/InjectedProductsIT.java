package org.follicle;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;

import org.follicle.security.Role;
import org.follicle.support.FollicleIntegrationTest;
import org.follicle.support.Http;
import org.follicle.support.Lots;
import org.follicle.support.StaffFixture;
import org.follicle.support.StaffFixture.Organisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.follicle.SchedulingIT.expect;

/**
 * What is injected is checked against the patient, not only the formula: each lot through its product's
 * ingredients and the patient's allergies when lots are offered and again at signing, and the anaesthetic named in
 * the chart the same way.
 */
@FollicleIntegrationTest
class InjectedProductsIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffFixture fixture;

    @Autowired
    JdbcClient jdbc;

    Http http;

    Organisation org;

    String doctor;

    String admin;

    long doctorId;

    long patient;

    long biotinLot;

    long panthenolLot;

    long dutasterideLot;

    long appointment;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        org = fixture.organisation();
        StaffFixture.Staff doc = fixture.staff(org, "doctor", Map.of(org.paris(), Role.PRACTITIONER));
        doctorId = doc.id();
        doctor = fixture.token(doc);
        admin = fixture.token(fixture.staff(org, "manager", Map.of(org.paris(), Role.ADMIN)));
        fixture.weekdayHours(org.paris(), doctorId);
        patient = fixture.patient(org, org.paris(), "Injection", "Ines");
        jdbc.sql("UPDATE patients_patient SET sex = 'FEMALE' WHERE id = :id").param("id", patient).update();
        fixture.consent(patient, org.paris(), org.id(), "MESOTHERAPY");
        biotinLot = lot("Hair vitamins", "BIOTIN", "BIO-1");
        panthenolLot = lot("Panthenol ampoule", "DEXPANTHENOL", "PAN-1");
        dutasterideLot = lot("Dutasteride vial", "DUTASTERIDE", "DUT-1");
    }

    @Test
    void aLotWhoseIngredientThePatientIsAllergicToIsRefusedWhenOfferedAndAtSigning() {
        intake("\"NO\"", "\"Biotine (rash)\"");
        long session = start(formula("DEXPANTHENOL"));

        HttpResponse<String> lots = http.get("/api/v1/sessions/" + session + "/lots", doctor);
        assertThat(lots.statusCode()).as(lots.body()).isEqualTo(200);
        assertThat(offered(lots.body(), "BIO-1")).contains("\"allowed\":false", "BIOTIN.ALLERGY_NOTED",
                "The patient's allergies name Biotin");
        assertThat(offered(lots.body(), "DUT-1")).as("dutasteride for a woman").contains("\"allowed\":false",
                "DUTASTERIDE.WOMAN");
        assertThat(offered(lots.body(), "PAN-1")).contains("\"allowed\":true", "\"refusals\":[]");

        HttpResponse<String> charted = chart(session, 0, biotinLot, null);
        assertThat(charted.statusCode()).as("charted, with the warning").isEqualTo(200);
        assertThat(charted.body()).contains("Lot BIO-1 of Hair vitamins is not for this patient");
        expect(sign(session, 1), 422, "Cannot sign: Lot BIO-1 of Hair vitamins is not for this patient");
        assertThat(stock(biotinLot)).as("nothing used").isEqualTo(10);
        assertThat(status(session)).isEqualTo("OPEN");

        assertThat(chart(session, 1, panthenolLot, null).statusCode()).isEqualTo(200);
        HttpResponse<String> signed = sign(session, 2);
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        assertThat(stock(panthenolLot)).isEqualTo(9);
    }

    @Test
    void anAnaestheticThePatientIsAllergicToBlocksSigningWhateverItsName() {
        intake("\"YES\"", "null");
        long session = start(formula("DEXPANTHENOL"));
        HttpResponse<String> charted = chart(session, 0, panthenolLot, "EMLA cream");
        assertThat(charted.statusCode()).isEqualTo(200);
        assertThat(charted.body()).as("a brand the library cannot name is screened as any local anaesthetic")
                .contains("The anaesthetic EMLA cream is not for this patient", "Allergic to local anaesthetics");
        expect(sign(session, 1), 422, "The anaesthetic EMLA cream is not for this patient");

        assertThat(chart(session, 1, panthenolLot, null).statusCode()).isEqualTo(200);
        assertThat(sign(session, 2).statusCode()).isEqualTo(200);
    }

    @Test
    void anAnaestheticNamedAmongThePatientsAllergiesBlocksSigning() {
        intake("\"NO\"", "\"Xylocaïne\"");
        long session = start(formula("DEXPANTHENOL"));
        HttpResponse<String> charted = chart(session, 0, panthenolLot, "Xylocaine 5% gel");
        assertThat(charted.body()).contains("The anaesthetic Xylocaine 5% gel is not for this patient");
        expect(sign(session, 1), 422, "The patient's allergies name Lidocaine");
    }

    @Test
    void anOverrideGivenAtTheStartCoversTheFindingsItWasGivenFor() {
        intake("\"NO\"", "\"biotin\"");
        long formula = formula("BIOTIN", "Patch test negative, allergy note was a mix-up");
        HttpResponse<String> refused = startResponse(formula, null);
        expect(refused, 422, "The patient's allergies name Biotin");
        HttpResponse<String> started = startResponse(formula, "Patch test negative on 2 December, patient informed");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        long session = sessionId(started);
        assertThat(offered(http.get("/api/v1/sessions/" + session + "/lots", doctor).body(), "BIO-1"))
                .contains("\"allowed\":true");
        assertThat(chart(session, 0, biotinLot, null).statusCode()).isEqualTo(200);
        assertThat(sign(session, 1).statusCode()).isEqualTo(200);
    }

    private long lot(String name, String ingredient, String number) {
        return Lots.receive(http, admin, org.paris(), name, ingredient, number, 10);
    }

    private void intake(String localAnaesthetics, String otherAllergies) {
        String body = IntakeIT.intake("\"NO\"", "[]").replace("\"localAnaesthetics\":\"NO\"",
                "\"localAnaesthetics\":" + localAnaesthetics + ",\"otherIngredients\":" + otherAllergies);
        HttpResponse<String> saved = http.send("PUT", "/api/v1/patients/" + patient + "/intake", doctor, body, Map.of());
        assertThat(saved.statusCode()).as(saved.body()).isLessThan(300);
    }

    private long formula(String code) {
        return formula(code, null);
    }

    private long formula(String code, String exclusionReason) {
        HttpResponse<String> saved = http.send("POST", "/api/v1/patients/" + patient + "/formulas", doctor,
                "{\"formula\":" + FormularyIT.formula(code) + (exclusionReason == null ? ""
                        : ",\"exclusionReason\":\"" + exclusionReason + "\"") + "}", Map.of());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        return Long.parseLong(saved.body().replaceAll("^\\{\"formula\":\\{\"id\":(\\d+),.*", "$1"));
    }

    private long start(long formula) {
        return sessionId(startResponse(formula, null));
    }

    private HttpResponse<String> startResponse(long formula, String overrideReason) {
        if (appointment == 0) {
            LocalDate monday = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(8)
                    .with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            appointment = SchedulingIT.id(http.send("POST", "/api/v1/appointments", doctor, "{\"clinicId\":"
                    + org.paris() + ",\"patientId\":" + patient + ",\"practitionerId\":" + doctorId
                    + ",\"typeCode\":\"MESOTHERAPY\",\"start\":\"" + monday + "T10:00\"}", Map.of()));
        }
        return http.send("POST", "/api/v1/sessions", doctor, "{\"appointmentId\":" + appointment
                + ",\"modality\":\"CHEMICAL\",\"formulaId\":" + formula + ",\"precheck\":"
                + SessionsIT.PRECHECK.formatted("NO") + (overrideReason == null ? ""
                        : ",\"overrideReason\":\"" + overrideReason + "\"") + "}", Map.of());
    }

    private HttpResponse<String> chart(long session, int version, long lot, String anaesthetic) {
        return http.send("PUT", "/api/v1/sessions/" + session, doctor, "{\"technique\":\"NAPPAGE\",\"depthMm\":1,"
                + "\"zones\":[{\"zone\":\"VERTEX\",\"points\":30,\"volumeMl\":1.5}],\"lots\":[{\"lotId\":" + lot
                + ",\"quantity\":1}]" + (anaesthetic == null ? "" : ",\"anaesthetic\":{\"product\":\"" + anaesthetic
                        + "\",\"areaCm2\":20,\"occluded\":false}") + "}", Map.of("If-Match", "\"" + version + "\""));
    }

    private HttpResponse<String> sign(long session, int version) {
        return http.send("POST", "/api/v1/sessions/" + session + "/sign", doctor, null,
                Map.of("If-Match", "\"" + version + "\""));
    }

    private int stock(long lot) {
        return jdbc.sql("SELECT quantity FROM formulary_stock WHERE lot_id = :lot AND clinic_id = :clinic")
                .param("lot", lot).param("clinic", org.paris()).query(Integer.class).single();
    }

    private String status(long session) {
        return jdbc.sql("SELECT status FROM sessions_session WHERE id = :id").param("id", session)
                .query(String.class).single();
    }

    /** The JSON object of one offered lot, by its number. */
    private static String offered(String lots, String lotNumber) {
        int at = lots.indexOf("\"lotNumber\":\"" + lotNumber + "\"");
        assertThat(at).as(lotNumber + " offered in " + lots).isPositive();
        int start = lots.lastIndexOf("{\"lotId\"", at);
        int end = lots.indexOf("{\"lotId\"", at);
        return lots.substring(start, end < 0 ? lots.length() : end);
    }

    private static long sessionId(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return Long.parseLong(response.body().replaceAll("^\\{\"session\":\\{\"id\":(\\d+),.*", "$1"));
    }
}
