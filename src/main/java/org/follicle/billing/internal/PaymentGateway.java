package org.follicle.billing.internal;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Where a patient pays by card online: Stripe in production, a local one for the demo and the tests. The gateway
 * hosts the payment page; what it then says was paid reaches Follicle as a signed notice, which is believed only once
 * its signature is checked.
 */
interface PaymentGateway {

    /** The name the checkouts it opened are kept under. */
    String name();

    /**
     * Opens the gateway's payment page for an amount.
     *
     * @param key the same key opens the same page, so that a retry charges nobody twice
     * @param returnUrl where the patient comes back to once paid or not
     */
    Checkout checkout(BigDecimal amount, String currency, String description, String key, String returnUrl);

    /**
     * What a notice from the gateway says was paid, once its signature is checked; empty for a notice about anything
     * else.
     *
     * @throws BadSignature when the notice was not signed by the gateway
     */
    Optional<Paid> paid(String payload, String signature);

    /**
     * @param id the gateway's name for the payment page, to find the checkout by
     * @param url the page to send the patient to
     */
    record Checkout(String id, String url) {
    }

    /**
     * @param checkoutId the payment page that was paid
     * @param reference the gateway's name for the payment, kept on the payment
     */
    record Paid(String checkoutId, String reference, BigDecimal amount, String currency) {
    }

    /** A notice whose signature is not the gateway's: ignored, and said so to the sender. */
    class BadSignature extends RuntimeException {

        BadSignature(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The gateway could not be reached or refused the request. */
    class Unavailable extends RuntimeException {

        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
