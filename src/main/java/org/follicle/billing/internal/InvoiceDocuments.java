package org.follicle.billing.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.follicle.system.PdfDocuments;
import org.mustangproject.Item;
import org.mustangproject.Product;
import org.mustangproject.TradeParty;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA3;
import org.springframework.stereotype.Component;

/**
 * An issued invoice or credit note as a Factur-X document: the page a person reads (PDF/A-3) with the same invoice
 * as EN 16931 data attached, profile EN 16931, so that the patient's insurer or accountant can read it by machine.
 */
@Component
class InvoiceDocuments {

    /** UN/ECE recommendation 20 unit code of a quantity counted in units (a session, a bottle). */
    private static final String ONE = "C62";

    private final PdfDocuments pdfs;

    InvoiceDocuments(PdfDocuments pdfs) {
        this.pdfs = pdfs;
    }

    /**
     * @param original the invoice a credit note corrects; {@code null} for an invoice
     * @see Invoice#seller() the seller as the document was issued, whatever the clinic's details say since
     */
    byte[] pdf(Invoice invoice, Invoice original, Locale locale) {
        Seller seller = invoice.seller();
        if (invoice.status() != Invoice.Status.ISSUED) {
            throw new org.follicle.system.BusinessRuleException("billing.draftHasNoDocument");
        }
        Map<String, Object> model = new HashMap<>();
        model.put("invoice", invoice);
        model.put("seller", seller);
        model.put("original", original);
        byte[] page = pdfs.renderArchival("billing/invoice-pdf", model, locale);
        try (ZUGFeRDExporterFromA3 exporter = new ZUGFeRDExporterFromA3();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            exporter.setProducer("Follicle").setCreator(seller.legalName()).setZUGFeRDVersion(2)
                    .setProfile(Profiles.getByName("EN16931"));
            exporter.load(page);
            exporter.setTransaction(data(invoice, original, seller));
            exporter.export(out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static org.mustangproject.Invoice data(Invoice invoice, Invoice original, Seller seller) {
        TradeParty sender = new TradeParty(seller.legalName(), seller.street(), seller.postcode(), seller.city(),
                seller.country());
        if (seller.vatId() != null && !seller.vatId().isBlank()) {
            sender.addVATID(seller.vatId());
        }
        else {
            sender.addTaxID(seller.companyId());
        }
        // A patient's address is often not known: the buyer's country is the clinic's.
        TradeParty buyer = new TradeParty(invoice.buyerName(), invoice.buyerAddress() == null ? ""
                : invoice.buyerAddress(), "", "", seller.country());
        Date issued = date(invoice.issuedOn());
        org.mustangproject.Invoice data = new org.mustangproject.Invoice().setNumber(invoice.displayNumber())
                .setIssueDate(issued).setDeliveryDate(issued).setDueDate(issued).setCurrency(invoice.currency())
                .setSender(sender).setRecipient(buyer);
        for (Invoice.Line line : invoice.lines()) {
            Product product = new Product(line.description(), "", ONE, line.vatRate());
            if (line.exemption() != null) {
                product.setTaxCategoryCode("E").setTaxExemptionReason(line.exemption());
            }
            data.addItem(new Item(product, line.unitPrice(), line.quantity()));
        }
        if (invoice.kind() == Invoice.Kind.CREDIT_NOTE) {
            data.setCreditNote().setInvoiceReferencedDocumentID(original.displayNumber());
        }
        return data;
    }

    private static Date date(LocalDate day) {
        // Mustang writes the date in the JVM's zone.
        return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
}
