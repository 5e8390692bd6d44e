package org.follicle.billing.internal;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Online payments on the JSON API: a payment page for an invoice, and the gateway's signed notices. */
@RestController
@Tag(name = "Billing")
class OnlinePaymentsApiController {

    private final OnlinePayments online;

    private final MessageSource texts;

    OnlinePaymentsApiController(OnlinePayments online, MessageSource texts) {
        this.online = online;
        this.texts = texts;
    }

    @PostMapping("/api/v1/invoices/{invoiceId}/checkouts")
    @Operation(summary = "Open the payment gateway's page for what the issued invoice still owes: the link to send "
            + "the patient; the gateway's notice records the payment")
    ResponseEntity<CheckoutStore.Checkout> checkout(@PathVariable long invoiceId) {
        CheckoutStore.Checkout checkout = online.begin(invoiceId, OnlinePaymentsController.invoiceUrl(invoiceId));
        return ResponseEntity.created(URI.create(checkout.url())).body(checkout);
    }

    /**
     * A gateway's notice that a payment page was paid. Open to the gateway, which cannot sign in: the notice is
     * believed only once its signature is the gateway's, and the audit log names the gateway as its actor.
     */
    @PostMapping("/api/v1/webhooks/payments/{gatewayName}")
    @Operation(summary = "For the payment gateway: its signed notice that a payment page was paid (Stripe's "
            + "checkout.session.completed); 400 when the signature is not the gateway's")
    Map<String, OnlinePayments.Outcome> notice(@PathVariable String gatewayName, @RequestBody String payload,
            @RequestHeader(name = "Stripe-Signature", required = false) String stripeSignature,
            @RequestHeader(name = "Payment-Signature", required = false) String signature) {
        var context = SecurityContextHolder.getContext();
        var previous = context.getAuthentication();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "payment-gateway:" + gatewayName.toLowerCase(Locale.ROOT), null, List.of()));
        try {
            return Map.of("outcome", online.notice(gatewayName, payload,
                    stripeSignature != null ? stripeSignature : signature));
        }
        finally {
            context.setAuthentication(previous);
        }
    }

    /** A notice not signed by the gateway: refused, so that a sender who is not the gateway learns nothing more. */
    @ExceptionHandler(PaymentGateway.BadSignature.class)
    ResponseEntity<ProblemDetail> badSignature(PaymentGateway.BadSignature e,
            Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, texts.getMessage("payment.badSignature", null, locale));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
