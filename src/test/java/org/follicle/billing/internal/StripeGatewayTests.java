package org.follicle.billing.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.stripe.net.Webhook;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Stripe gateway against a local stand-in for Stripe's API (no network): the checkout it asks for, and the
 * webhooks it believes, signed as Stripe signs them.
 */
class StripeGatewayTests {

    static final String SECRET = "whsec_test_follicle";

    HttpServer fakeStripe;

    final List<String> requests = new ArrayList<>();

    StripeGateway gateway;

    @BeforeEach
    void start() throws IOException {
        fakeStripe = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fakeStripe.createContext("/v1/checkout/sessions", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestMethod() + " " + URLDecoder.decode(form, StandardCharsets.UTF_8)
                    + " key=" + exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            byte[] body = """
                    {"id":"cs_test_1","object":"checkout.session","url":"https://checkout.stripe.com/c/pay/cs_test_1",
                     "payment_status":"unpaid","amount_total":24240,"currency":"eur"}""".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        fakeStripe.start();
        gateway = new StripeGateway("sk_test_follicle", SECRET,
                "http://127.0.0.1:" + fakeStripe.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        fakeStripe.stop(0);
    }

    @Test
    void aCheckoutAsksStripeForTheAmountInCentsOnceForARetriedKey() {
        PaymentGateway.Checkout page = gateway.checkout(new BigDecimal("242.40"), "EUR", "F-000001", "follicle-7",
                "https://clinic.example/invoices/7");
        assertThat(page).isEqualTo(new PaymentGateway.Checkout("cs_test_1", "https://checkout.stripe.com/c/pay/cs_test_1"));
        assertThat(requests).singleElement().asString().startsWith("POST ").contains("mode=payment",
                "line_items[0][price_data][unit_amount]=24240", "line_items[0][price_data][currency]=eur",
                "line_items[0][price_data][product_data][name]=F-000001", "success_url=https://clinic.example/invoices/7",
                "key=follicle-7");
    }

    @Test
    void onlyAWebhookSignedWithTheEndpointsSecretIsBelieved() throws Exception {
        String completed = event("checkout.session.completed", "paid");
        assertThat(gateway.paid(completed, signature(completed, SECRET)))
                .contains(new PaymentGateway.Paid("cs_test_1", "pi_1", new BigDecimal("242.40"), "EUR"));
        assertThatThrownBy(() -> gateway.paid(completed, signature(completed, "whsec_someone_else")))
                .isInstanceOf(PaymentGateway.BadSignature.class);
        assertThatThrownBy(() -> gateway.paid(completed.replace("24240", "1"), signature(completed, SECRET)))
                .as("a changed body").isInstanceOf(PaymentGateway.BadSignature.class);
        String expired = event("checkout.session.expired", "unpaid");
        assertThat(gateway.paid(expired, signature(expired, SECRET))).isEmpty();
        String unpaid = event("checkout.session.completed", "unpaid");
        assertThat(gateway.paid(unpaid, signature(unpaid, SECRET))).as("a bank debit still pending").isEmpty();
    }

    static String event(String type, String paymentStatus) {
        return """
                {"id":"evt_1","object":"event","type":"%s","api_version":"2025-01-27.acacia","created":1765000000,
                 "data":{"object":{"id":"cs_test_1","object":"checkout.session","payment_status":"%s",
                 "payment_intent":"pi_1","amount_total":24240,"currency":"eur"}}}""".formatted(type, paymentStatus);
    }

    /** The Stripe-Signature header Stripe sends: the time, and an HMAC-SHA256 of the time and the body. */
    static String signature(String payload, String secret) throws Exception {
        long now = Webhook.Util.getTimeNow();
        return "t=" + now + ",v1=" + Webhook.Util.computeHmacSha256(secret, now + "." + payload);
    }
}
