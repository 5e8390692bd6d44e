package org.follicle;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.follicle.support.Browser;
import org.follicle.support.DatabaseOwner;
import org.follicle.support.FollicleIntegrationTest;
import org.follicle.support.Http;
import org.follicle.support.StaffFixture;
import org.follicle.support.StaffFixture.Organisation;
import org.follicle.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.mustangproject.validator.ZUGFeRDValidator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Invoices through the API as a front desk issues them: numbered without gaps under concurrent issuing, final once
 * issued whoever writes to the database, corrected only by credit notes that never take back more than was billed.
 */
@FollicleIntegrationTest
public class BillingIT {

    public static final String SELLER = """
            {"country":"FR","legalName":"Cabinet Follicle SELARL","street":"12 rue de la Paix","postcode":"75002","city":"Paris",
             "companyId":"123 456 789 00012","vatId":"FR12123456789","invoicePrefix":"F","creditNotePrefix":"AV"}""";

    @LocalServerPort
    int port;

    @Autowired
    StaffFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.core.env.Environment environment;

    Http http;

    Organisation org;

    String desk;

    long patient;

    @BeforeEach
    void clinic() {
        http = new Http(port);
        org = fixture.organisation();
        desk = fixture.token(fixture.staff(org, "desk", Map.of(org.paris(), Role.ASSISTANT)));
        patient = fixture.patient(org, org.paris(), "Durand", "Élise");
        String admin = fixture.token(fixture.staff(org, "manager", Map.of(org.paris(), Role.ADMIN)));
        HttpResponse<String> seller = http.send("PUT", "/api/v1/clinics/" + org.paris() + "/seller", admin, SELLER,
                Map.of());
        assertThat(seller.statusCode()).as(seller.body()).isEqualTo(200);
    }

    public static String draft(long clinic, long patient) {
        return "{\"clinicId\":" + clinic + ",\"patientId\":" + patient + ",\"lines\":["
                + "{\"description\":\"Mésothérapie du cuir chevelu\",\"quantity\":1,\"unitPrice\":150,"
                + "\"vatCategory\":\"EXEMPT_MEDICAL\"},"
                + "{\"description\":\"MCCM Exosomes + TRX\",\"quantity\":2,\"unitPrice\":38.50,\"vatCategory\":\"STANDARD\"}]}";
    }

    long drafted() {
        HttpResponse<String> created = http.send("POST", "/api/v1/invoices", desk, draft(org.paris(), patient), Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return SchedulingIT.id(created);
    }

    HttpResponse<String> issue(long invoice, String etag) {
        return http.send("POST", "/api/v1/invoices/" + invoice + "/issue", desk, null, Map.of("If-Match", etag));
    }

    @Test
    void aDraftIsTotalledByRateThenIssuedUnderTheNextNumber() {
        HttpResponse<String> created = http.send("POST", "/api/v1/invoices", desk, draft(org.paris(), patient), Map.of());
        assertThat(created.body()).contains("\"status\":\"DRAFT\"", "\"number\":null", "\"buyerName\":\"DURAND, Élise\"",
                "\"currency\":\"EUR\"", "\"net\":227.00", "\"vat\":15.40",
                "\"gross\":242.40", "\"exemption\":\"TVA non applicable, article 261-4-1° du CGI\"");
        long invoice = SchedulingIT.id(created);
        HttpResponse<String> issued = issue(invoice, created.headers().firstValue("ETag").orElseThrow());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        assertThat(issued.body()).contains("\"status\":\"ISSUED\"", "\"number\":\"F-000001\"");
        long second = drafted();
        assertThat(issue(second, "\"1\"").body()).contains("\"number\":\"F-000002\"");

        HttpResponse<String> again = issue(invoice, "\"2\"");
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("F-000001 is issued and cannot change");
        HttpResponse<String> lines = http.send("PUT", "/api/v1/invoices/" + invoice + "/lines", desk,
                "{\"lines\":[{\"description\":\"x\",\"quantity\":1,\"unitPrice\":1,\"vatCategory\":\"STANDARD\"}]}",
                Map.of("If-Match", "\"2\""));
        assertThat(lines.statusCode()).isEqualTo(422);
        assertThat(http.get("/api/v1/invoices/" + invoice, desk).body()).contains("\"gross\":242.40");
    }

    @Test
    void fiftyDesksIssuingAtOnceTakeFiftyConsecutiveNumbers() throws Exception {
        List<Long> drafts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            drafts.add(drafted());
        }
        List<Future<HttpResponse<String>>> issued = new ArrayList<>();
        ExecutorService desks = Executors.newFixedThreadPool(16);
        for (long invoice : drafts) {
            issued.add(desks.submit(() -> issue(invoice, "\"1\"")));
        }
        desks.shutdown();
        for (Future<HttpResponse<String>> response : issued) {
            assertThat(response.get().statusCode()).as(response.get().body()).isEqualTo(200);
        }
        List<Long> numbers = jdbc.sql("SELECT number FROM billing_invoice WHERE clinic_id = :clinic AND kind = 'INVOICE' "
                + "ORDER BY issued_at, number").param("clinic", org.paris()).query(Long.class).list();
        assertThat(numbers).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 50).boxed().toList());
    }

    @Test
    void desksPayingOneInvoiceAtOnceNeverTakeMoreThanIsOwed() throws Exception {
        long invoice = drafted();
        issue(invoice, "\"1\"");
        List<Integer> statuses = atOnce(10, () -> pay(invoice, "CASH", "50.00", null).statusCode());
        assertThat(statuses).as("four fifties fit in 242.40, a fifth does not").filteredOn(s -> s == 201).hasSize(4);
        assertThat(statuses).filteredOn(s -> s == 422).hasSize(6);
        assertThat(http.get("/api/v1/invoices/" + invoice, desk).body()).contains("\"balance\":42.40");
        assertThat(jdbc.sql("SELECT number FROM billing_payment WHERE clinic_id = :c ORDER BY number")
                .param("c", org.paris()).query(Long.class).list()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void creditNotesAtOnceNeverTakeBackMoreThanWasInvoiced() throws Exception {
        long invoice = drafted();
        issue(invoice, "\"1\"");
        String session = "{\"reason\":\"Session not given\",\"lines\":[{\"description\":\"Mésothérapie du cuir chevelu\","
                + "\"quantity\":1,\"unitPrice\":150,\"vatCategory\":\"EXEMPT_MEDICAL\"}]}";
        List<Integer> statuses = atOnce(6, () -> http.send("POST", "/api/v1/invoices/" + invoice + "/credit-notes", desk,
                session, Map.of()).statusCode());
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 422).hasSize(5);
        assertThat(jdbc.sql("SELECT count(*) FROM billing_invoice WHERE credit_of = :i").param("i", invoice)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aDayClosedWhileDesksIssueCountsExactlyWhatWasIssuedBeforeIt() throws Exception {
        List<Long> drafts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            drafts.add(drafted());
        }
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")).toString();
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<Integer> statuses = atOnce(13, () -> {
            int turn = next.getAndIncrement();
            return turn == 6 ? -http.send("POST", "/api/v1/clinics/" + org.paris() + "/sales-closures", desk,
                    "{\"period\":\"DAY\",\"day\":\"" + today + "\"}", Map.of()).statusCode()
                    : issue(drafts.get(turn > 6 ? turn - 1 : turn), "\"1\"").statusCode();
        });
        assertThat(statuses).contains(-201);
        long issued = statuses.stream().filter(s -> s == 200).count();
        assertThat(statuses).filteredOn(s -> s > 0).allMatch(s -> s == 200 || s == 422);
        assertThat(jdbc.sql("SELECT summary FROM billing_closure WHERE clinic_id = :c").param("c", org.paris())
                .query(String.class).single()).as("the closure counts every invoice issued before it, and only those")
                .contains("\"invoices\":" + issued + ",");
        assertThat(jdbc.sql("SELECT count(*) FROM billing_invoice WHERE clinic_id = :c AND status = 'ISSUED'")
                .param("c", org.paris()).query(Long.class).single()).isEqualTo(issued);
    }

    /** Runs the same act from as many threads at once, and returns what each answered. */
    static <T> List<T> atOnce(int times, java.util.concurrent.Callable<T> act) throws Exception {
        ExecutorService desks = Executors.newFixedThreadPool(times);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<Future<T>> answers = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            answers.add(desks.submit(() -> {
                start.await();
                return act.call();
            }));
        }
        start.countDown();
        desks.shutdown();
        List<T> results = new ArrayList<>();
        for (Future<T> answer : answers) {
            results.add(answer.get());
        }
        return results;
    }

    @Test
    void anIssuedInvoiceIsFinalEvenToSqlAndIsCorrectedByCreditNotes() {
        long invoice = drafted();
        issue(invoice, "\"1\"");
        assertThatThrownBy(() -> jdbc.sql("UPDATE billing_invoice SET buyer_name = 'Someone else' WHERE id = :id")
                .param("id", invoice).update()).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("correct it with a credit note");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM billing_invoice_line WHERE invoice_id = :id")
                .param("id", invoice).update()).isInstanceOf(DataAccessException.class);

        HttpResponse<String> partial = http.send("POST", "/api/v1/invoices/" + invoice + "/credit-notes", desk,
                "{\"reason\":\"One product returned unopened\",\"lines\":[{\"description\":\"MCCM Exosomes + TRX\","
                        + "\"quantity\":1,\"unitPrice\":38.50,\"vatCategory\":\"STANDARD\"}]}", Map.of());
        assertThat(partial.statusCode()).as(partial.body()).isEqualTo(201);
        assertThat(partial.body()).contains("\"kind\":\"CREDIT_NOTE\"", "\"number\":\"AV-000001\"",
                "\"creditOf\":" + invoice, "\"gross\":46.20");

        HttpResponse<String> whole = http.send("POST", "/api/v1/invoices/" + invoice + "/credit-notes", desk,
                "{\"reason\":\"Billed to the wrong patient\"}", Map.of());
        assertThat(whole.statusCode()).isEqualTo(422);
        assertThat(whole.body()).contains("242.40", "196.20");
        assertThat(jdbc.sql("SELECT count(*) FROM billing_invoice WHERE credit_of = :id").param("id", invoice)
                .query(Integer.class).single()).isEqualTo(1);

        // Tax the invoice never charged is not taken back: its care was exempt.
        HttpResponse<String> taxed = http.send("POST", "/api/v1/invoices/" + invoice + "/credit-notes", desk,
                "{\"reason\":\"Wrong rate\",\"lines\":[{\"description\":\"Mésothérapie\",\"quantity\":1,"
                        + "\"unitPrice\":100,\"vatCategory\":\"STANDARD\"}]}", Map.of());
        assertThat(taxed.statusCode()).isEqualTo(422);
        assertThat(taxed.body()).contains("Standard rate, 20 %", "38.50");

        HttpResponse<String> draftCredit = http.send("POST", "/api/v1/invoices/" + drafted() + "/credit-notes", desk,
                "{\"reason\":\"Not issued yet\"}", Map.of());
        assertThat(draftCredit.statusCode()).isEqualTo(422);
    }

    @Test
    void theInvoiceAndItsCreditNoteAreFacturXDocumentsThatTheValidatorAccepts() throws Exception {
        long invoice = drafted();
        issue(invoice, "\"1\"");
        long note = SchedulingIT.id(http.send("POST", "/api/v1/invoices/" + invoice + "/credit-notes", desk,
                "{\"reason\":\"Produit rendu\",\"lines\":[{\"description\":\"MCCM Exosomes + TRX\",\"quantity\":1,"
                        + "\"unitPrice\":38.50,\"vatCategory\":\"STANDARD\"}]}", Map.of()));
        for (long id : List.of(invoice, note)) {
            HttpResponse<byte[]> pdf = http.bytes("/api/v1/invoices/" + id + "/pdf", desk);
            assertThat(pdf.statusCode()).isEqualTo(200);
            ZUGFeRDValidator validator = new ZUGFeRDValidator();
            String report = validator.validate(pdf.body(), "invoice-" + id + ".pdf");
            assertThat(validator.wasCompletelyValid()).as(report).isTrue();
            // Both parts were checked: the PDF/A-3 file and the EN 16931 data in it.
            assertThat(report).contains("<pdf>", "<xml>", "EN16931", "status=\"valid\"");
            Browser.save("51-invoice-" + (id == invoice ? "invoice" : "credit-note") + ".pdf",
                    pdf.body());
        }
        assertThat(http.bytes("/api/v1/invoices/" + drafted() + "/pdf", desk).statusCode()).isEqualTo(422);
    }

    @Test
    void theSalesRecordsVerifyUntilARecordIsChangedBehindTheApplicationsBack() {
        String auditor = fixture.token(fixture.staff(org, "auditor", Map.of(org.paris(), Role.ADMIN)));
        String verification = "/api/v1/clinics/" + org.paris() + "/sales-records/verification";
        assertThat(http.get(verification, auditor).body()).startsWith("{\"intact\":true");
        List<Long> issued = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long invoice = drafted();
            issue(invoice, "\"1\"");
            issued.add(invoice);
        }
        http.send("POST", "/api/v1/invoices/" + issued.get(0) + "/credit-notes", desk, "{\"reason\":\"Refunded\"}",
                Map.of());
        HttpResponse<String> intact = http.get(verification, auditor);
        assertThat(intact.body()).startsWith("{\"intact\":true").contains("\"records\":3", "\"records\":1");
        assertThat(http.get(verification, desk).statusCode()).isEqualTo(403);

        // Someone with the owner's login changes a price, the trigger set aside.
        JdbcClient owner = DatabaseOwner.jdbc(environment);
        owner.sql("ALTER TABLE billing_invoice_line DISABLE TRIGGER billing_invoice_line_final").update();
        try {
            owner.sql("UPDATE billing_invoice_line SET unit_price = 15 WHERE invoice_id = :id AND position = 1")
                    .param("id", issued.get(1)).update();
        }
        finally {
            owner.sql("ALTER TABLE billing_invoice_line ENABLE TRIGGER billing_invoice_line_final").update();
        }
        HttpResponse<String> broken = http.get(verification, auditor);
        assertThat(broken.body()).startsWith("{\"intact\":false")
                .contains("\"problem\":\"SEAL_MISMATCH\",\"at\":2");
    }

    HttpResponse<String> pay(long invoice, String method, String amount, String kind) {
        return http.send("POST", "/api/v1/invoices/" + invoice + "/payments", desk, "{\"method\":\"" + method
                + "\",\"amount\":" + amount + (kind == null ? "" : ",\"kind\":\"" + kind + "\"") + "}", Map.of());
    }

    @Test
    void paymentsSettleTheBalanceAndRefundsGiveBackOnlyWhatACreditNoteLeftInCredit() {
        long invoice = drafted();
        assertThat(pay(invoice, "CARD", "10", null).statusCode()).as("a draft is not paid").isEqualTo(422);
        issue(invoice, "\"1\"");
        assertThat(pay(invoice, "CARD", "100.00", null).statusCode()).isEqualTo(201);
        HttpResponse<String> above = pay(invoice, "CASH", "142.41", null);
        assertThat(above.statusCode()).isEqualTo(422);
        assertThat(above.body()).contains("142.41", "142.40", "\"amount\"");
        assertThat(pay(invoice, "BITCOIN", "1", null).statusCode()).isEqualTo(400);
        assertThat(pay(invoice, "CASH", "-5", null).statusCode()).isEqualTo(400);
        assertThat(pay(invoice, "CASH", "142.40", null).statusCode()).isEqualTo(201);
        assertThat(http.get("/api/v1/invoices/" + invoice, desk).body()).contains("\"balance\":0.00",
                "\"method\":\"CARD\"", "\"method\":\"CASH\"");
        assertThat(pay(invoice, "CASH", "0.01", null).statusCode()).isEqualTo(422);

        // The product is returned after payment: the clinic owes it back, and no more.
        http.send("POST", "/api/v1/invoices/" + invoice + "/credit-notes", desk, "{\"reason\":\"Returned\","
                + "\"lines\":[{\"description\":\"MCCM Exosomes + TRX\",\"quantity\":1,\"unitPrice\":38.50,"
                + "\"vatCategory\":\"STANDARD\"}]}", Map.of());
        assertThat(http.get("/api/v1/invoices/" + invoice, desk).body()).contains("\"balance\":-46.20");
        assertThat(pay(invoice, "CASH", "50", "REFUND").statusCode()).isEqualTo(422);
        assertThat(pay(invoice, "CASH", "46.20", "REFUND").statusCode()).isEqualTo(201);
        assertThat(http.get("/api/v1/invoices/" + invoice, desk).body()).contains("\"balance\":0.00");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM billing_payment WHERE invoice_id = :id").param("id", invoice)
                .update()).isInstanceOf(DataAccessException.class);
        String auditor = fixture.token(fixture.staff(org, "auditor", Map.of(org.paris(), Role.ADMIN)));
        assertThat(http.get("/api/v1/clinics/" + org.paris() + "/sales-records/verification", auditor).body())
                .startsWith("{\"intact\":true").contains("{\"series\":\"PAYMENT\",\"records\":3,\"intact\":true");
    }

    @Test
    void theDaysClosureFixesItsFiguresAndNothingMoreIsIssuedOrReceivedOnIt() {
        String closures = "/api/v1/clinics/" + org.paris() + "/sales-closures";
        long invoice = drafted();
        issue(invoice, "\"1\"");
        pay(invoice, "CARD", "200", null);
        pay(invoice, "CASH", "42.40", null);
        long credited = drafted();
        issue(credited, "\"1\"");
        http.send("POST", "/api/v1/invoices/" + credited + "/credit-notes", desk, "{\"reason\":\"Billed twice\"}",
                Map.of());
        long late = drafted();
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")).toString();

        HttpResponse<String> tomorrow = http.send("POST", closures, desk, "{\"period\":\"DAY\",\"day\":\""
                + java.time.LocalDate.parse(today).plusDays(1) + "\"}", Map.of());
        assertThat(tomorrow.statusCode()).isEqualTo(422);
        HttpResponse<String> closed = http.send("POST", closures, desk, "{\"period\":\"DAY\",\"day\":\"" + today
                + "\"}", Map.of());
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(201);
        assertThat(closed.body()).contains("\"invoices\":2", "\"creditNotes\":1", "\"invoicedGross\":484.80",
                "\"creditedGross\":242.40", "{\"method\":\"CARD\",\"amount\":200.00}",
                "{\"method\":\"CASH\",\"amount\":42.40}",
                "{\"category\":\"STANDARD\",\"rate\":20.00,\"taxable\":154.00,\"vat\":30.80}");
        assertThat(http.send("POST", closures, desk, "{\"period\":\"DAY\",\"day\":\"" + today + "\"}", Map.of())
                .statusCode()).isEqualTo(422);
        HttpResponse<String> afterClosing = issue(late, "\"1\"");
        assertThat(afterClosing.statusCode()).isEqualTo(422);
        assertThat(afterClosing.body()).contains("is closed");
        assertThat(pay(credited, "CASH", "1", "REFUND").statusCode()).isEqualTo(422);

        HttpResponse<String> lastMonth = http.send("POST", closures, desk, "{\"period\":\"MONTH\",\"day\":\""
                + java.time.LocalDate.parse(today).minusMonths(1) + "\"}", Map.of());
        assertThat(lastMonth.statusCode()).isEqualTo(201);
        assertThat(http.send("POST", closures, desk, "{\"period\":\"MONTH\",\"day\":\"" + today + "\"}", Map.of())
                .statusCode()).isEqualTo(422);
        assertThat(http.get(closures, desk).body()).startsWith("[{\"id\":").contains("\"period\":\"MONTH\"",
                "\"period\":\"DAY\"");
        String auditor = fixture.token(fixture.staff(org, "auditor", Map.of(org.paris(), Role.ADMIN)));
        assertThat(http.get("/api/v1/clinics/" + org.paris() + "/sales-records/verification", auditor).body())
                .startsWith("{\"intact\":true").contains("{\"series\":\"CLOSURE\",\"records\":2,\"intact\":true");
    }

    @Test
    void badLinesAreRefusedByFieldAndNothingIsSaved() {
        int before = jdbc.sql("SELECT count(*) FROM billing_invoice").query(Integer.class).single();
        HttpResponse<String> negative = http.send("POST", "/api/v1/invoices", desk, draft(org.paris(), patient)
                .replace("\"quantity\":2", "\"quantity\":-2"), Map.of());
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(negative.body()).contains("lines[1].quantity");
        HttpResponse<String> unknown = http.send("POST", "/api/v1/invoices", desk, draft(org.paris(), patient)
                .replace("\"STANDARD\"", "\"LUXURY\""), Map.of());
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("lines[1].vatCategory", "no VAT category LUXURY");
        HttpResponse<String> noSeller = http.send("POST", "/api/v1/invoices", fixture.token(fixture.staff(org,
                "madrid-desk", Map.of(org.madrid(), Role.ASSISTANT))), draft(org.madrid(), fixture.patient(org,
                        org.madrid(), "García", "Lucía")), Map.of());
        assertThat(noSeller.statusCode()).isEqualTo(422);
        assertThat(noSeller.body()).contains("billing details");
        assertThat(jdbc.sql("SELECT count(*) FROM billing_invoice").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void theSellersCountryAndPrefixesAreSetOnce() throws java.io.IOException {
        String admin = fixture.token(fixture.staff(org, "manager2", Map.of(org.paris(), Role.ADMIN)));
        HttpResponse<String> current = http.get("/api/v1/clinics/" + org.paris() + "/seller", admin);
        HttpResponse<String> moved = http.send("PUT", "/api/v1/clinics/" + org.paris() + "/seller", admin,
                SELLER.replace("\"FR\"", "\"ES\""), Map.of("If-Match", current.headers().firstValue("ETag").orElseThrow()));
        assertThat(moved.statusCode()).isEqualTo(422);
        long before = drafted();
        issue(before, "\"1\"");
        HttpResponse<String> renamed = http.send("PUT", "/api/v1/clinics/" + org.paris() + "/seller", admin,
                SELLER.replace("SELARL", "SAS"), Map.of("If-Match", current.headers().firstValue("ETag").orElseThrow()));
        assertThat(renamed.statusCode()).isEqualTo(200);
        // A document issued before keeps the seller it was issued by.
        try (var pdf = Loader.loadPDF(http.bytes("/api/v1/invoices/" + before + "/pdf", desk).body())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Cabinet Follicle SELARL")
                    .doesNotContain("Cabinet Follicle SAS");
        }
        assertThat(http.send("PUT", "/api/v1/clinics/" + org.paris() + "/seller", desk, SELLER, Map.of("If-Match", "\"1\""))
                .statusCode()).isEqualTo(403);
    }
}
