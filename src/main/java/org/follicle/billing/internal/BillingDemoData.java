package org.follicle.billing.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

import org.follicle.system.DemoDataContributor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo clinics as sellers (Paris under French rules, Madrid under Spanish ones) with their price lists, and in
 * Paris one issued invoice for Lefèvre's last session with a home-care product, and one draft for Bernard. Written through the stores: there
 * is no signed-in user to authorise the acts.
 */
@Component
class BillingDemoData implements DemoDataContributor {

    private final SellerStore sellers;

    private final InvoiceStore invoices;

    private final VatRates vat;

    private final JdbcClient jdbc;

    private final Clock clock;

    private final Invoices issuing;

    private final PriceStore prices;

    BillingDemoData(SellerStore sellers, InvoiceStore invoices, VatRates vat, JdbcClient jdbc, Clock clock,
            Invoices issuing, PriceStore prices) {
        this.prices = prices;
        this.issuing = issuing;
        this.sellers = sellers;
        this.invoices = invoices;
        this.vat = vat;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        return 95;
    }

    @Override
    public void loadDemoData() {
        long org = jdbc.sql("SELECT id FROM clinics_organisation WHERE name = 'Demo Hair Clinics'").query(Long.class)
                .single();
        long paris = clinic(org, "Paris");
        long madrid = clinic(org, "Madrid");
        sellers.save(org, paris, new Seller("FR", "Cabinet Follicle Paris SELARL", "12 rue de la Paix", "75002", "Paris",
                "123 456 789 00012", "FR32123456789", "F", "AV"), null, clock.instant(), "demo");
        sellers.save(org, madrid, new Seller("ES", "Clínica Follicle Madrid S.L.", "Calle de Serrano 41", "28001", "Madrid",
                "B12345678", "ESB12345678", "F", "R"), null, clock.instant(), "demo");
        Invoice.Line session = line(1, "Mésothérapie du cuir chevelu, séance 3", "1", "150.00", "EXEMPT_MEDICAL");
        Invoice.Line serum = line(2, "MCCM Exosomes + TRX, sérum à domicile", "1", "38.50", "STANDARD");
        long lefevre = draft(org, paris, "Lefèvre", List.of(session, serum));
        issuing.issue(invoices.find(lefevre).orElseThrow(), sellers.find(paris).orElseThrow(), "assistant");
        draft(org, paris, "Bernard", List.of(line(1, "PRP, séance d'entretien", "1", "350.00", "EXEMPT_MEDICAL")));
        priceList(org, paris, "Forfait mésothérapie, 6 séances", "Forfait PRP, 3 séances");
        priceList(org, madrid, "Bono mesoterapia, 6 sesiones", "Bono PRP, 3 sesiones");
    }

    /**
     * Care for hair loss, prescribed by a doctor, is exempt by default (a practitioner taxes a cosmetic case); the
     * home-care products are taxed.
     */
    private void priceList(long org, long clinic, String mesotherapyCourse, String prpCourse) {
        for (String type : List.of("CONSULTATION", "MESOTHERAPY", "PRP", "FOLLOW_UP")) {
            prices.setCategory(org, clinic, Price.Kind.TREATMENT, type, null, "EXEMPT_MEDICAL", clock.instant(), "demo");
        }
        prices.insertCourse(org, clinic, new PriceList.CourseInput(mesotherapyCourse, "MESOTHERAPY", 6, 365,
                new BigDecimal("780.00"), "EXEMPT_MEDICAL", true), clock.instant(), "demo");
        prices.insertCourse(org, clinic, new PriceList.CourseInput(prpCourse, "PRP", 3, 180, new BigDecimal("900.00"),
                "EXEMPT_MEDICAL", true), clock.instant(), "demo");
        jdbc.sql("SELECT id FROM formulary_product WHERE organisation_id = :org AND purpose = 'RETAIL'")
                .param("org", org).query(Long.class).list()
                .forEach(product -> prices.setCategory(org, clinic, Price.Kind.PRODUCT, null, product, "STANDARD",
                        clock.instant(), "demo"));
    }

    private long draft(long org, long clinic, String familyName, List<Invoice.Line> lines) {
        Buyer buyer = jdbc.sql("""
                SELECT id, upper(family_name) || ', ' || given_name AS name FROM patients_patient
                WHERE clinic_id = :clinic AND family_name = :family""").param("clinic", clinic)
                .param("family", familyName).query(Buyer.class).single();
        long id = invoices.insertDraft(new Invoice(0, org, clinic, buyer.id(), Invoice.Kind.INVOICE,
                Invoice.Status.DRAFT, null, null, null, "EUR", buyer.name(), null, null, null, List.of(), 0,
                clock.instant(), "assistant", null, null, null));
        invoices.replaceLines(id, 0, lines);
        return id;
    }

    private Invoice.Line line(int position, String description, String quantity, String price, String category) {
        VatRates.Category rate = vat.category("FR", category, "vatCategory");
        return new Invoice.Line(position, description, new BigDecimal(quantity), new BigDecimal(price), category,
                rate.rate(), rate.exemption(), null);
    }

    private record Buyer(long id, String name) {
    }

    private long clinic(long org, String name) {
        return jdbc.sql("SELECT id FROM clinics_clinic WHERE organisation_id = :org AND name = :name")
                .param("org", org).param("name", name).query(Long.class).single();
    }
}
