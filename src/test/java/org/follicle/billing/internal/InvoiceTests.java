package org.follicle.billing.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.follicle.system.BusinessRuleException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvoiceTests {

    static final Seller SELLER = new Seller("FR", "Cabinet", "1 rue", "75001", "Paris", "123", null, "F", "AV");

    static Invoice.Line line(int position, String quantity, String price, String category, String rate) {
        return new Invoice.Line(position, "Line " + position, new BigDecimal(quantity), new BigDecimal(price), category,
                new BigDecimal(rate), "EXEMPT_MEDICAL".equals(category) ? "exempt" : null, null);
    }

    static Invoice draft(List<Invoice.Line> lines) {
        return new Invoice(7, 1, 2, 3L, Invoice.Kind.INVOICE, Invoice.Status.DRAFT, null, null, null, "EUR", "Durand",
                null, null, null, lines, 1, Instant.EPOCH, "desk", null, null, null);
    }

    @Test
    void aLineIsItsQuantityTimesItsPriceToTheCent() {
        assertThat(line(1, "0.333", "46.20", "STANDARD", "20").net()).isEqualByComparingTo("15.38");
        assertThat(line(1, "3", "38.50", "STANDARD", "20").net()).isEqualByComparingTo("115.50");
    }

    @Test
    void vatIsComputedPerRateOnTheSumOfTheLinesThenRounded() {
        Invoice.Totals totals = Invoice.Totals.of(List.of(line(1, "1", "0.13", "STANDARD", "20"),
                line(2, "1", "0.13", "STANDARD", "20"), line(3, "1", "0.13", "STANDARD", "20")));
        // 0.39 × 20 % = 0.078 → 0.08, where rounding each line (0.026 → 0.03) would give 0.09.
        assertThat(totals.vat()).isEqualByComparingTo("0.08");
        assertThat(totals.gross()).isEqualByComparingTo("0.47");
    }

    @Test
    void exemptAndTaxedLinesAreTotalledByRate() {
        Invoice.Totals totals = Invoice.Totals.of(List.of(line(1, "1", "250.00", "EXEMPT_MEDICAL", "0"),
                line(2, "2", "46.20", "STANDARD", "20")));
        assertThat(totals.byRate()).extracting(Invoice.VatBreakdown::category).containsExactly("STANDARD",
                "EXEMPT_MEDICAL");
        assertThat(totals.byRate().get(0).taxable()).isEqualByComparingTo("92.40");
        assertThat(totals.byRate().get(0).vat()).isEqualByComparingTo("18.48");
        assertThat(totals.byRate().get(1).vat()).isEqualByComparingTo("0");
        assertThat(totals.net()).isEqualByComparingTo("342.40");
        assertThat(totals.gross()).isEqualByComparingTo("360.88");
    }

    @Test
    void issuingNumbersADraftOnceAndNeverAnEmptyOne() {
        Invoice issued = draft(List.of(line(1, "1", "10", "STANDARD", "20"))).issued(SELLER, 42,
                LocalDate.of(2026, 12, 7), Instant.EPOCH, "desk");
        assertThat(issued.displayNumber()).isEqualTo("F-000042");
        assertThat(issued.status()).isEqualTo(Invoice.Status.ISSUED);
        assertThatThrownBy(() -> issued.issued(SELLER, 43, LocalDate.of(2026, 12, 7), Instant.EPOCH, "desk"))
                .isInstanceOf(BusinessRuleException.class).hasMessage("billing.final");
        assertThatThrownBy(() -> draft(List.of()).issued(SELLER, 1, LocalDate.of(2026, 12, 7), Instant.EPOCH, "desk"))
                .isInstanceOf(BusinessRuleException.class).hasMessage("billing.noLines");
    }

    @Test
    void aCreditNoteTakesBackAtMostWhatEarlierOnesLeft() {
        Invoice invoice = draft(List.of(line(1, "1", "100", "STANDARD", "20"))).issued(SELLER, 1,
                LocalDate.of(2026, 12, 7), Instant.EPOCH, "desk");
        Invoice note = new Invoice(8, 1, 2, 3L, Invoice.Kind.CREDIT_NOTE, Invoice.Status.ISSUED, "AV", 1L,
                LocalDate.of(2026, 12, 7), "EUR", "Durand", null, 7L, "Overcharged",
                List.of(line(1, "1", "25", "STANDARD", "20")), 2, Instant.EPOCH, "desk", Instant.EPOCH, "desk", SELLER);
        assertThat(invoice.creditable(List.of())).isEqualByComparingTo("120.00");
        assertThat(invoice.creditable(List.of(note))).isEqualByComparingTo("90.00");
        assertThatThrownBy(() -> draft(List.of(line(1, "1", "10", "STANDARD", "20"))).creditable(List.of()))
                .isInstanceOf(BusinessRuleException.class).hasMessage("billing.creditOnlyIssuedInvoice");
    }
}
