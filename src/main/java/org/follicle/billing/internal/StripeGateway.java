package org.follicle.billing.internal;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

import com.stripe.StripeClient;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.checkout.SessionCreateParams;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Stripe Checkout: a hosted payment page per online payment, and the {@code checkout.session.completed} webhook,
 * verified with the endpoint's signing secret, as the notice that it was paid. Amounts go to Stripe in the
 * currency's minor unit (cents, pence).
 */
@Component
@ConditionalOnExpression("!'${follicle.payments.stripe.api-key:}'.isEmpty()")
class StripeGateway implements PaymentGateway {

    private final StripeClient stripe;

    private final String webhookSecret;

    StripeGateway(@Value("${follicle.payments.stripe.api-key}") String apiKey,
            @Value("${follicle.payments.stripe.webhook-secret}") String webhookSecret,
            @Value("${follicle.payments.stripe.api-base:https://api.stripe.com}") String apiBase) {
        this.stripe = StripeClient.builder().setApiKey(apiKey).setApiBase(apiBase).setMaxNetworkRetries(2).build();
        this.webhookSecret = webhookSecret;
    }

    @Override
    public String name() {
        return "STRIPE";
    }

    @Override
    public Checkout checkout(BigDecimal amount, String currency, String description, String key, String returnUrl) {
        SessionCreateParams params = SessionCreateParams.builder().setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl(returnUrl).setCancelUrl(returnUrl).setClientReferenceId(key)
                .addLineItem(SessionCreateParams.LineItem.builder().setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                .setCurrency(currency.toLowerCase(Locale.ROOT)).setUnitAmount(minor(amount))
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName(description).build())
                                .build())
                        .build())
                .build();
        try {
            Session session = stripe.v1().checkout().sessions().create(params,
                    RequestOptions.builder().setIdempotencyKey(key).build());
            return new Checkout(session.getId(), session.getUrl());
        }
        catch (StripeException e) {
            throw new Unavailable("Stripe refused the checkout: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Paid> paid(String payload, String signature) {
        Event event;
        try {
            event = Webhook.constructEvent(payload, signature, webhookSecret);
        }
        catch (SignatureVerificationException e) {
            throw new BadSignature("not signed by Stripe", e);
        }
        if (!"checkout.session.completed".equals(event.getType())
                && !"checkout.session.async_payment_succeeded".equals(event.getType())) {
            return Optional.empty();
        }
        Session session;
        try {
            // The event may be of an API version newer than the library's: the fields read here are stable.
            session = (Session) event.getDataObjectDeserializer().deserializeUnsafe();
        }
        catch (com.stripe.exception.EventDataObjectDeserializationException e) {
            throw new Unavailable("Stripe's event could not be read: " + e.getMessage(), e);
        }
        if (!"paid".equals(session.getPaymentStatus())) {
            return Optional.empty();
        }
        return Optional.of(new Paid(session.getId(), session.getPaymentIntent(),
                BigDecimal.valueOf(session.getAmountTotal()).movePointLeft(2), session.getCurrency()
                        .toUpperCase(Locale.ROOT)));
    }

    private static long minor(BigDecimal amount) {
        return amount.movePointRight(2).longValueExact();
    }
}
