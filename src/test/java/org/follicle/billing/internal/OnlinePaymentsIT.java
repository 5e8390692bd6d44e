package org.follicle.billing.internal;

import java.net.http.HttpResponse;
import java.math.BigDecimal;
import java.util.Map;

import org.follicle.BillingIT;
import org.follicle.SchedulingIT;
import org.follicle.security.Role;
import org.follicle.support.FollicleIntegrationTest;
import org.follicle.support.Http;
import org.follicle.support.StaffFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Online payments through the local gateway, as Stripe's would go: a payment page for what is owed, the gateway's
 * notice believed only when signed by it, recorded once however often it comes, and on an open day.
 */
@FollicleIntegrationTest
class OnlinePaymentsIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LocalGateway gateway;

    Http http;

    StaffFixture.Organisation org;

    String desk;

    long invoice;

    @BeforeEach
    void issuedInvoice() {
        http = new Http(port);
        org = fixture.organisation();
        desk = fixture.token(fixture.staff(org, "desk", Map.of(org.paris(), Role.ASSISTANT)));
        String admin = fixture.token(fixture.staff(org, "manager", Map.of(org.paris(), Role.ADMIN)));
        http.send("PUT", "/api/v1/clinics/" + org.paris() + "/seller", admin, BillingIT.SELLER, Map.of());
        long patient = fixture.patient(org, org.paris(), "Durand", "Élise");
        invoice = SchedulingIT.id(http.send("POST", "/api/v1/invoices", desk, BillingIT.draft(org.paris(), patient),
                Map.of()));
        http.send("POST", "/api/v1/invoices/" + invoice + "/issue", desk, null, Map.of("If-Match", "\"1\""));
    }

    @Test
    void theGatewaysSignedNoticeRecordsThePaymentOnce() {
        http.send("POST", "/api/v1/invoices/" + invoice + "/payments", desk, "{\"method\":\"CASH\",\"amount\":42.40}",
                Map.of());
        HttpResponse<String> opened = http.send("POST", "/api/v1/invoices/" + invoice + "/checkouts", desk, null,
                Map.of());
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        assertThat(opened.body()).as("what is still owed").contains("\"amount\":200.00", "\"url\":\"/payments/local/");
        String checkout = opened.body().replaceAll(".*\"externalId\":\"([^\"]+)\".*", "$1");

        String[] notice = gateway.notice(checkout, new BigDecimal("200.00"), "EUR");
        HttpResponse<String> forged = notify(notice[0], "0".repeat(64));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("not signed by the payment gateway");
        assertThat(http.send("POST", "/api/v1/webhooks/payments/paypal", null, notice[0],
                Map.of("Payment-Signature", notice[1])).statusCode()).isEqualTo(404);
        assertThat(balance()).isEqualTo("200.00");

        assertThat(notify(notice[0], notice[1]).body()).contains("RECORDED");
        assertThat(notify(notice[0], notice[1]).body()).as("the gateway sends again").contains("ALREADY_RECORDED");
        assertThat(balance()).isEqualTo("0.00");
        assertThat(jdbc.sql("SELECT count(*) FROM billing_payment WHERE invoice_id = :i AND method = 'ONLINE'")
                .param("i", invoice).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT actor FROM security_audit_entry WHERE record_type = 'payment' AND clinic_id = :c "
                + "ORDER BY seq DESC LIMIT 1").param("c", org.paris()).query(String.class).single())
                .isEqualTo("payment-gateway:local");
        HttpResponse<String> settled = http.send("POST", "/api/v1/invoices/" + invoice + "/checkouts", desk, null,
                Map.of());
        assertThat(settled.statusCode()).isEqualTo(422);
        assertThat(settled.body()).contains("Nothing is owed");
    }

    @Test
    void aPaymentNoticedAfterTheDayClosedCountsOnTheNextDay() {
        String checkout = http.send("POST", "/api/v1/invoices/" + invoice + "/checkouts", desk, null, Map.of()).body()
                .replaceAll(".*\"externalId\":\"([^\"]+)\".*", "$1");
        String today = jdbc.sql("SELECT issued_on FROM billing_invoice WHERE id = :i").param("i", invoice)
                .query(String.class).single();
        assertThat(http.send("POST", "/api/v1/clinics/" + org.paris() + "/sales-closures", fixture.token(
                fixture.staff(org, "closer", Map.of(org.paris(), Role.ADMIN))),
                "{\"period\":\"DAY\",\"day\":\"" + today + "\"}", Map.of()).statusCode()).isEqualTo(201);
        String[] notice = gateway.notice(checkout, new BigDecimal("242.40"), "EUR");
        assertThat(notify(notice[0], notice[1]).body()).contains("RECORDED");
        assertThat(jdbc.sql("SELECT received_on - CAST(:today AS DATE) FROM billing_payment WHERE invoice_id = :i")
                .param("i", invoice).param("today", today).query(Integer.class).single()).isEqualTo(1);
    }

    private HttpResponse<String> notify(String payload, String signature) {
        return http.send("POST", "/api/v1/webhooks/payments/local", null, payload,
                Map.of("Payment-Signature", signature));
    }

    private String balance() {
        return http.get("/api/v1/invoices/" + invoice, desk).body().replaceAll(".*\"balance\":([0-9.-]+).*", "$1");
    }
}
