package org.follicle.billing.internal;

import java.util.Map;


import org.follicle.system.PageForms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Online payments at the desk: a payment link for an invoice, and the local gateway's own payment page. */
@Controller
class OnlinePaymentsController {

    private final OnlinePayments online;

    private final PaymentGateway gateway;

    private final Invoices invoices;

    private final PageForms pages;

    OnlinePaymentsController(OnlinePayments online, PaymentGateway gateway, Invoices invoices, PageForms pages) {
        this.online = online;
        this.gateway = gateway;
        this.invoices = invoices;
        this.pages = pages;
    }

    @PostMapping("/invoices/{invoiceId}/checkouts")
    String openPage(@PathVariable long invoiceId, RedirectAttributes redirect) {
        Map<String, String> errors = pages.attempt(() -> online.begin(invoiceId, invoiceUrl(invoiceId)));
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", "payment.linkReady");
        }
        else {
            redirect.addFlashAttribute("flashError", "payment.linkRefused");
        }
        return "redirect:/invoices/" + invoiceId + "#payments";
    }

    /** The local gateway's payment page: any card is accepted. */
    @GetMapping("/payments/local/{checkoutId}")
    String localPage(@PathVariable String checkoutId, Model model) {
        CheckoutStore.Checkout checkout = localCheckout(checkoutId);
        model.addAttribute("checkout", checkout);
        model.addAttribute("number", invoices.invoice(checkout.invoiceId()).displayNumber());
        return "billing/local-payment";
    }

    @PostMapping("/payments/local/{checkoutId}")
    String payLocally(@PathVariable String checkoutId, RedirectAttributes redirect) {
        CheckoutStore.Checkout checkout = localCheckout(checkoutId);
        String[] notice = ((LocalGateway) gateway).notice(checkout.externalId(), checkout.amount(),
                checkout.currency());
        online.notice(gateway.name(), notice[0], notice[1]);
        redirect.addFlashAttribute("flash", "payment.paidOnline");
        return "redirect:/invoices/" + checkout.invoiceId() + "#payments";
    }

    private CheckoutStore.Checkout localCheckout(String checkoutId) {
        if (!(gateway instanceof LocalGateway)) {
            throw new org.follicle.system.RecordNotFoundException(OnlinePayments.CHECKOUT, checkoutId);
        }
        CheckoutStore.Checkout checkout = online.checkout(checkoutId)
                .orElseThrow(() -> new org.follicle.system.RecordNotFoundException(OnlinePayments.CHECKOUT, checkoutId));
        invoices.invoice(checkout.invoiceId());
        return checkout;
    }

    static String invoiceUrl(long invoiceId) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/invoices/{id}").buildAndExpand(invoiceId)
                .toUriString();
    }
}
