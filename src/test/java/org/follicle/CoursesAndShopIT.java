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
import org.follicle.support.StaffFixture;
import org.follicle.support.StaffFixture.Organisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The price list at the desk: the clinic's VAT defaults and a practitioner's choice for a patient, a course sold and
 * used by the sessions signed, cancelled pro rata, and home-care products sold from the first-expiring lots.
 */
@FollicleIntegrationTest
class CoursesAndShopIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffFixture fixture;

    @Autowired
    JdbcClient jdbc;

    Http http;

    Organisation org;

    String desk;

    String doctor;

    long doctorId;

    String admin;

    long patient;

    @BeforeEach
    void clinic() {
        http = new Http(port);
        org = fixture.organisation();
        desk = fixture.token(fixture.staff(org, "desk", Map.of(org.paris(), Role.ASSISTANT)));
        StaffFixture.Staff doc = fixture.staff(org, "doctor", Map.of(org.paris(), Role.PRACTITIONER));
        doctorId = doc.id();
        doctor = fixture.token(doc);
        admin = fixture.token(fixture.staff(org, "manager", Map.of(org.paris(), Role.ADMIN)));
        patient = fixture.patient(org, org.paris(), "Durand", "Élise");
        ok(http.send("PUT", "/api/v1/clinics/" + org.paris() + "/seller", admin, BillingIT.SELLER, Map.of()));
    }

    @Test
    void theClinicsVatDefaultAppliesUntilAPractitionerChoosesOneForThePatientWithAReason() {
        ok(http.send("PUT", "/api/v1/clinics/" + org.paris() + "/price-list/treatments/MESOTHERAPY", admin,
                "{\"vatCategory\":\"EXEMPT_MEDICAL\"}", Map.of()));
        String list = http.get("/api/v1/clinics/" + org.paris() + "/price-list", desk).body();
        long meso = Long.parseLong(list.replaceAll("(?s).*\"code\":\"MESOTHERAPY\".*?\"price\":\\{\"id\":(\\d+).*", "$1"));
        String line = "{\"priceId\":" + meso + ",\"quantity\":1,\"unitPrice\":150,\"vatCategory\":\"STANDARD\"}";
        assertThat(draft(line).body()).as("the price list sets the VAT, not the desk")
                .contains("\"vatCategory\":\"EXEMPT_MEDICAL\"", "\"gross\":150.00", "\"priceId\":" + meso);

        assertThat(http.send("PUT", "/api/v1/clinics/" + org.paris() + "/price-list/treatments/MESOTHERAPY", desk,
                "{\"vatCategory\":\"STANDARD\"}", Map.of()).statusCode()).as("the desk does not set the defaults")
                .isEqualTo(403);
        assertThat(choose(desk, "STANDARD", "cosmetic").statusCode()).as("only a practitioner chooses").isEqualTo(403);
        HttpResponse<String> unreasoned = choose(doctor, "STANDARD", " ");
        assertThat(unreasoned.statusCode()).isEqualTo(400);
        assertThat(unreasoned.body()).contains("reason");
        HttpResponse<String> unknown = choose(doctor, "REDUCED", "cosmetic");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("There is no VAT category REDUCED");

        ok(choose(doctor, "STANDARD", "Cosmetic request: no alopecia on the trichoscopy"));
        assertThat(draft(line).body()).contains("\"vatCategory\":\"STANDARD\"", "\"gross\":180.00");
        assertThat(jdbc.sql("SELECT count(*) FROM security_audit_entry WHERE record_type = 'billing-vat-choice' "
                + "AND record_id = :patient").param("patient", String.valueOf(patient)).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aCourseIsUsedByEachSignedSessionOfItsTreatmentAndCancelledProRata() {
        HttpResponse<String> course = http.send("POST", "/api/v1/clinics/" + org.paris() + "/price-list/courses", admin,
                "{\"name\":\"Mesotherapy, 6 sessions\",\"appointmentType\":\"MESOTHERAPY\",\"sessions\":6,"
                        + "\"validityDays\":365,\"unitPrice\":600,\"vatCategory\":\"EXEMPT_MEDICAL\"}", Map.of());
        assertThat(course.statusCode()).as(course.body()).isEqualTo(201);
        long price = SchedulingIT.id(course);
        HttpResponse<String> two = draft("{\"priceId\":" + price + ",\"quantity\":2}");
        assertThat(two.statusCode()).isEqualTo(422);
        assertThat(two.body()).contains("A course is sold one at a time");

        long invoice = SchedulingIT.id(draft("{\"priceId\":" + price + ",\"quantity\":1}"));
        ok(http.send("POST", "/api/v1/invoices/" + invoice + "/issue", desk, null, Map.of("If-Match", "\"1\"")));
        assertThat(courses()).contains("\"name\":\"Mesotherapy, 6 sessions\"", "\"used\":0", "\"remaining\":6",
                "\"status\":\"ACTIVE\"");
        HttpResponse<String> credit = http.send("POST", "/api/v1/invoices/" + invoice + "/credit-notes", desk,
                "{\"reason\":\"Patient moved away\"}", Map.of());
        assertThat(credit.statusCode()).isEqualTo(422);
        assertThat(credit.body()).contains("cancel the course from the patient's chart");

        signSession();
        assertThat(courses()).contains("\"used\":1", "\"remaining\":5");

        long courseId = Long.parseLong(courses().replaceAll("(?s)^\\[\\{\"id\":(\\d+),.*", "$1"));
        HttpResponse<String> cancelled = http.send("POST", "/api/v1/courses/" + courseId + "/cancellation", desk,
                "{\"reason\":\"Patient moved away\"}", Map.of());
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(201);
        assertThat(cancelled.body()).as("five sixths of 600.00").contains("\"kind\":\"CREDIT_NOTE\"",
                "\"gross\":500.00", "\"number\":\"AV-000001\"", "5 of 6 sessions not used");
        assertThat(courses()).contains("\"status\":\"CANCELLED\"");
        assertThat(http.send("POST", "/api/v1/courses/" + courseId + "/cancellation", desk,
                "{\"reason\":\"again\"}", Map.of()).body()).contains("cancelled already");
        assertThatThrownBy(() -> jdbc.sql("UPDATE billing_course SET sessions = 10 WHERE id = :id")
                .param("id", courseId).update()).isInstanceOf(DataAccessException.class);
    }

    @Test
    void aShopSaleTakesTheFirstExpiringLotsAndItsBuyerIsARecipientOfTheLot() {
        long product = SchedulingIT.id(http.send("POST", "/api/v1/products", admin, "{\"sku\":\"EXO-" + org.suffix()
                + "\",\"name\":\"MCCM Exosomes + TRX\",\"manufacturer\":\"Lab\",\"form\":\"KIT\",\"purpose\":\"RETAIL\","
                + "\"cost\":21,\"retailPrice\":38.50,\"vatRate\":20,\"currency\":\"EUR\"}", Map.of()));
        long late = lot(product, "LATE", LocalDate.now().plusYears(1), 5);
        long soon = lot(product, "SOON", LocalDate.now().plusMonths(2), 2);
        ok(http.send("PUT", "/api/v1/clinics/" + org.paris() + "/price-list/products/" + product, admin,
                "{\"vatCategory\":\"STANDARD\"}", Map.of()));
        long price = jdbc.sql("SELECT id FROM billing_price WHERE product_id = :p").param("p", product)
                .query(Long.class).single();
        HttpResponse<String> half = draft("{\"priceId\":" + price + ",\"quantity\":1.5}");
        assertThat(half.statusCode()).isEqualTo(422);
        assertThat(half.body()).contains("whole units");

        HttpResponse<String> drafted = draft("{\"priceId\":" + price + ",\"quantity\":3}");
        assertThat(drafted.body()).contains("\"description\":\"MCCM Exosomes + TRX\"", "\"unitPrice\":38.50",
                "\"gross\":138.60");
        ok(http.send("POST", "/api/v1/invoices/" + SchedulingIT.id(drafted) + "/issue", desk, null,
                Map.of("If-Match", "\"1\"")));
        assertThat(stock(soon)).as("the first to expire goes first").isZero();
        assertThat(stock(late)).isEqualTo(4);
        assertThat(http.get("/api/v1/lots/" + soon + "/recipients", admin).body()).contains("\"patientId\":" + patient);

        long tooMany = SchedulingIT.id(draft("{\"priceId\":" + price + ",\"quantity\":10}"));
        HttpResponse<String> refused = http.send("POST", "/api/v1/invoices/" + tooMany + "/issue", desk, null,
                Map.of("If-Match", "\"1\""));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Only 4 of MCCM Exosomes + TRX can be sold");
        assertThat(http.get("/api/v1/invoices/" + tooMany, desk).body()).contains("\"status\":\"DRAFT\"");
        assertThat(stock(late)).isEqualTo(4);
        assertThat(jdbc.sql("SELECT next_number FROM billing_series WHERE clinic_id = :c AND kind = 'INVOICE'")
                .param("c", org.paris()).query(Long.class).single()).as("no number was spent").isEqualTo(2);
    }

    @Test
    void revenueIsReportedByPractitionerAndByWhatWasSoldWithCreditNotesApart() {
        ok(http.send("PUT", "/api/v1/clinics/" + org.paris() + "/price-list/treatments/MESOTHERAPY", admin,
                "{\"vatCategory\":\"EXEMPT_MEDICAL\"}", Map.of()));
        long meso = jdbc.sql("SELECT id FROM billing_price WHERE clinic_id = :c AND appointment_type = 'MESOTHERAPY'")
                .param("c", org.paris()).query(Long.class).single();
        long course = SchedulingIT.id(http.send("POST", "/api/v1/clinics/" + org.paris() + "/price-list/courses", admin,
                ClinicIsolationIT.COURSE, Map.of()));
        long visit = book();
        HttpResponse<String> elsewhere = http.send("POST", "/api/v1/invoices", desk, "{\"clinicId\":" + org.paris()
                + ",\"patientId\":" + fixture.patient(org, org.paris(), "Autre", "Anne") + ",\"appointmentId\":"
                + visit + ",\"lines\":[{\"priceId\":" + meso + ",\"quantity\":1,\"unitPrice\":150}]}", Map.of());
        assertThat(elsewhere.statusCode()).isEqualTo(422);
        assertThat(elsewhere.body()).contains("not one of this patient's");
        long treated = SchedulingIT.id(http.send("POST", "/api/v1/invoices", desk, "{\"clinicId\":" + org.paris()
                + ",\"patientId\":" + patient + ",\"appointmentId\":" + visit + ",\"lines\":[{\"priceId\":" + meso
                + ",\"quantity\":1,\"unitPrice\":150}]}", Map.of()));
        long sold = SchedulingIT.id(draft("{\"priceId\":" + course + ",\"quantity\":1}"));
        for (long invoice : java.util.List.of(treated, sold)) {
            ok(http.send("POST", "/api/v1/invoices/" + invoice + "/issue", desk, null, Map.of("If-Match", "\"1\"")));
        }
        long courseId = Long.parseLong(courses().replaceAll("(?s)^\\[\\{\"id\":(\\d+),.*", "$1"));
        ok(http.send("POST", "/api/v1/courses/" + courseId + "/cancellation", desk, "{\"reason\":\"Changed her mind\"}",
                Map.of()));

        String today = jdbc.sql("SELECT issued_on FROM billing_invoice WHERE id = :i").param("i", treated)
                .query(String.class).single();
        HttpResponse<String> revenue = http.get("/api/v1/revenue?from=" + today + "&to=" + today, admin);
        assertThat(revenue.statusCode()).as(revenue.body()).isEqualTo(200);
        String doctorName = jdbc.sql("SELECT display_name FROM security_staff WHERE id = :id").param("id", doctorId)
                .query(String.class).single();
        assertThat(revenue.body()).contains(
                "{\"label\":\"" + doctorName + "\",\"currency\":\"EUR\",\"net\":150.00}",
                "{\"label\":\"At the desk\",\"currency\":\"EUR\",\"net\":0.00}",
                "{\"label\":\"Mesotherapy session\",\"currency\":\"EUR\",\"net\":150.00}",
                "{\"label\":\"Mesotherapy, 6 sessions\",\"currency\":\"EUR\",\"net\":600.00}",
                "{\"label\":\"Credit notes\",\"currency\":\"EUR\",\"net\":-600.00}");
        assertThat(http.get("/api/v1/revenue?from=" + today + "&to=2099-01-01", admin).statusCode()).isEqualTo(422);
        String madrid = fixture.token(fixture.staff(org, "madrid", Map.of(org.madrid(), Role.ADMIN)));
        assertThat(http.get("/api/v1/revenue?from=" + today + "&to=" + today, madrid).body())
                .as("another clinic's revenue is not shown").contains("\"rows\":[]");
    }

    @Test
    void aDepositIsInvoicedAtBookingAndTheVisitsInvoiceDeductsItOnce() throws Exception {
        long visit = book();
        HttpResponse<String> noVat = http.send("POST", "/api/v1/appointments/" + visit + "/deposits", desk,
                "{\"amount\":50}", Map.of());
        assertThat(noVat.statusCode()).isEqualTo(422);
        assertThat(noVat.body()).contains("VAT category in the price list");
        ok(http.send("PUT", "/api/v1/clinics/" + org.paris() + "/price-list/treatments/MESOTHERAPY", admin,
                "{\"vatCategory\":\"STANDARD\"}", Map.of()));
        assertThat(http.send("POST", "/api/v1/appointments/" + visit + "/deposits", desk, "{\"amount\":-5}", Map.of())
                .statusCode()).isEqualTo(400);
        HttpResponse<String> deposit = http.send("POST", "/api/v1/appointments/" + visit + "/deposits", desk,
                "{\"amount\":50}", Map.of());
        assertThat(deposit.statusCode()).as(deposit.body()).isEqualTo(201);
        assertThat(deposit.body()).contains("\"status\":\"ISSUED\"", "\"number\":\"F-000001\"",
                "Deposit for Mesotherapy session on", "\"gross\":60.00", "\"balance\":60.00");
        long depositId = SchedulingIT.id(deposit);
        ok(http.send("POST", "/api/v1/invoices/" + depositId + "/payments", desk, "{\"method\":\"CARD\",\"amount\":60}",
                Map.of()));

        long meso = jdbc.sql("SELECT id FROM billing_price WHERE clinic_id = :c AND appointment_type = 'MESOTHERAPY'")
                .param("c", org.paris()).query(Long.class).single();
        String visitInvoice = "{\"clinicId\":" + org.paris() + ",\"patientId\":" + patient + ",\"appointmentId\":"
                + visit + ",\"lines\":[{\"priceId\":" + meso + ",\"quantity\":1,\"unitPrice\":150}]}";
        HttpResponse<String> drafted = http.send("POST", "/api/v1/invoices", desk, visitInvoice, Map.of());
        assertThat(drafted.body()).as("150 less the deposit's 50, and VAT on the 100 left")
                .contains("\"quantity\":-1", "\"depositId\":" + depositId, "\"net\":100.00", "\"vat\":20.00",
                        "\"gross\":120.00");
        long invoice = SchedulingIT.id(drafted);
        HttpResponse<String> changed = http.send("PUT", "/api/v1/invoices/" + invoice + "/lines", desk,
                "{\"lines\":[{\"priceId\":" + meso + ",\"quantity\":1,\"unitPrice\":160}]}", Map.of("If-Match", "\"1\""));
        assertThat(changed.body()).as("the deduction stays when the desk changes the lines").contains("\"gross\":132.00");
        HttpResponse<String> issued = http.send("POST", "/api/v1/invoices/" + invoice + "/issue", desk, null,
                Map.of("If-Match", "\"2\""));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        assertThat(issued.body()).contains("\"balance\":132.00");
        assertThat(http.send("POST", "/api/v1/invoices", desk, visitInvoice, Map.of()).body())
                .as("a deposit is deducted once").doesNotContain("\"quantity\":-1").contains("\"gross\":180.00");

        HttpResponse<byte[]> pdf = http.bytes("/api/v1/invoices/" + invoice + "/pdf", desk);
        assertThat(pdf.statusCode()).isEqualTo(200);
        org.mustangproject.validator.ZUGFeRDValidator validator = new org.mustangproject.validator.ZUGFeRDValidator();
        String report = validator.validate(pdf.body(), "invoice-" + invoice + ".pdf");
        assertThat(validator.wasCompletelyValid()).as(report).isTrue();
        assertThat(jdbc.sql("SELECT summary FROM billing_closure WHERE clinic_id = :c").param("c", org.paris())
                .query(String.class).list()).isEmpty();
        String today = jdbc.sql("SELECT issued_on FROM billing_invoice WHERE id = :i").param("i", invoice)
                .query(String.class).single();
        HttpResponse<String> closed = http.send("POST", "/api/v1/clinics/" + org.paris() + "/sales-closures", admin,
                "{\"period\":\"DAY\",\"day\":\"" + today + "\"}", Map.of());
        assertThat(closed.body()).as("the day counts the visit's 160 once: 50 on the deposit, 110 on the invoice")
                .contains("{\"category\":\"STANDARD\",\"rate\":20.00,\"taxable\":160.00,\"vat\":32.00}");
    }

    /** A mesotherapy visit of the patient's with the doctor, next month. */
    private long book() {
        fixture.weekdayHours(org.paris(), doctorId);
        LocalDate monday = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(8)
                .with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        return SchedulingIT.id(http.send("POST", "/api/v1/appointments", doctor, "{\"clinicId\":" + org.paris()
                + ",\"patientId\":" + patient + ",\"practitionerId\":" + doctorId
                + ",\"typeCode\":\"MESOTHERAPY\",\"start\":\"" + monday + "T10:00\"}", Map.of()));
    }

    private HttpResponse<String> draft(String line) {
        return http.send("POST", "/api/v1/invoices", desk, "{\"clinicId\":" + org.paris() + ",\"patientId\":" + patient
                + ",\"lines\":[" + line + "]}", Map.of());
    }

    private HttpResponse<String> choose(String token, String category, String reason) {
        return http.send("POST", "/api/v1/patients/" + patient + "/vat-choice", token,
                "{\"vatCategory\":\"" + category + "\",\"reason\":\"" + reason + "\"}", Map.of());
    }

    private String courses() {
        return http.get("/api/v1/patients/" + patient + "/courses", desk).body();
    }

    private long lot(long product, String number, LocalDate expiry, int quantity) {
        return SchedulingIT.id(http.send("POST", "/api/v1/lots", admin, "{\"clinicId\":" + org.paris() + ",\"productId\":"
                + product + ",\"lotNumber\":\"" + number + "\",\"expiry\":\"" + expiry + "\",\"quantity\":" + quantity
                + "}", Map.of()));
    }

    private int stock(long lot) {
        return jdbc.sql("SELECT quantity FROM formulary_stock WHERE lot_id = :lot").param("lot", lot)
                .query(Integer.class).single();
    }

    /** A mesotherapy session of the patient's, booked, charted and signed by the doctor. */
    private void signSession() {
        ok(http.send("PUT", "/api/v1/patients/" + patient + "/intake", doctor, IntakeIT.intake("\"NO\"", "[]"),
                Map.of()));
        fixture.consent(patient, org.paris(), org.id(), "MESOTHERAPY");
        long appointment = book();
        long formula = Long.parseLong(http.send("POST", "/api/v1/patients/" + patient + "/formulas", doctor,
                "{\"formula\":" + FormularyIT.formula("BIOTIN") + "}", Map.of()).body()
                .replaceAll("^\\{\"formula\":\\{\"id\":(\\d+),.*", "$1"));
        HttpResponse<String> started = http.send("POST", "/api/v1/sessions", doctor, "{\"appointmentId\":"
                + appointment + ",\"modality\":\"CHEMICAL\",\"formulaId\":" + formula + ",\"precheck\":"
                + SessionsIT.PRECHECK.formatted("NO") + "}", Map.of());
        assertThat(started.statusCode()).as(started.body()).isLessThan(300);
        long session = Long.parseLong(started.body().replaceAll("^\\{\"session\":\\{\"id\":(\\d+),.*", "$1"));
        long vial = SchedulingIT.id(http.send("POST", "/api/v1/products", admin, "{\"sku\":\"B-" + org.suffix()
                + "\",\"name\":\"Biotin vial\",\"manufacturer\":\"Lab\",\"form\":\"VIAL\",\"purpose\":\"INJECTION\","
                + "\"cost\":1,\"vatRate\":20,\"currency\":\"EUR\"}", Map.of()));
        long lot = lot(vial, "B-1", LocalDate.now().plusYears(1), 10);
        ok(http.send("PUT", "/api/v1/sessions/" + session, doctor, "{\"technique\":\"NAPPAGE\",\"needleGauge\":30,"
                + "\"needleLengthMm\":4,\"depthMm\":2,\"zones\":[{\"zone\":\"VERTEX\",\"points\":30,\"volumeMl\":1.5}],"
                + "\"durationMinutes\":20,\"pain\":3,\"lots\":[{\"lotId\":" + lot + ",\"quantity\":1}]}",
                Map.of("If-Match", "\"0\"")));
        ok(http.send("POST", "/api/v1/sessions/" + session + "/sign", doctor, null, Map.of("If-Match", "\"1\"")));
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return response;
    }
}
