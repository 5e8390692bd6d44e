package org.follicle.billing.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The payment gateway of the demo and the tests, when no Stripe account is configured: its payment page is Follicle's
 * own ({@code /payments/local/{id}}), which accepts any card and sends the notice a gateway would, signed with a key
 * drawn at start, through the same check as Stripe's.
 */
@Component
@ConditionalOnExpression("'${follicle.payments.stripe.api-key:}'.isEmpty()")
class LocalGateway implements PaymentGateway {

    private final byte[] key = new byte[32];

    private final JsonMapper json;

    LocalGateway(JsonMapper json) {
        this.json = json;
        new SecureRandom().nextBytes(key);
    }

    @Override
    public String name() {
        return "LOCAL";
    }

    @Override
    public Checkout checkout(BigDecimal amount, String currency, String description, String key, String returnUrl) {
        String id = "local_" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
        return new Checkout(id, "/payments/local/" + id);
    }

    /** The notice that a checkout was paid, and its signature, as the local payment page sends it. */
    String[] notice(String checkoutId, BigDecimal amount, String currency) {
        String payload = json.createObjectNode().put("checkout", checkoutId)
                .put("reference", "local_pay_" + UUID.randomUUID()).put("amount", amount.toPlainString())
                .put("currency", currency).toString();
        return new String[] { payload, sign(payload) };
    }

    @Override
    public Optional<Paid> paid(String payload, String signature) {
        if (signature == null || !MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII))) {
            throw new BadSignature("not signed by the local gateway", null);
        }
        JsonNode notice = json.readTree(payload);
        return Optional.of(new Paid(notice.path("checkout").asString(), notice.path("reference").asString(),
                new BigDecimal(notice.path("amount").asString()), notice.path("currency").asString()));
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
