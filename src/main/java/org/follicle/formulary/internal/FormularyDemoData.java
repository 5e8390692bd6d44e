package org.follicle.formulary.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.follicle.intake.Modality;
import org.follicle.system.DemoDataContributor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo clinics' catalogue and stock: products (the exosome kit sold at EUR 46.20), lots in Paris and Madrid
 * (one expiring within the warning window, one below its reorder level), and Moreau's nutritive cocktail given
 * from two lots mixed, so that the recall view has something to show.
 */
@Component
class FormularyDemoData implements DemoDataContributor {

    private final ProductStore products;

    private final StockStore ledger;

    private final FormulaStore formulas;

    private final JdbcClient jdbc;

    private final Clock clock;

    FormularyDemoData(ProductStore products, StockStore ledger, FormulaStore formulas, JdbcClient jdbc, Clock clock) {
        this.products = products;
        this.ledger = ledger;
        this.formulas = formulas;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        return 50;
    }

    @Override
    public void loadDemoData() {
        long org = jdbc.sql("SELECT id FROM clinics_organisation WHERE name = 'Demo Hair Clinics'").query(Long.class)
                .single();
        long paris = clinic(org, "Paris");
        long madrid = clinic(org, "Madrid");
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        long vitamins = product(org, "NUT-5", "Nutri-Hair vitamin cocktail 5 mL", ProductStore.Form.VIAL, "5",
                ProductStore.Purpose.INJECTION, "9.80", null, 10, List.of("BIOTIN", "NICOTINAMIDE", "DEXPANTHENOL", "ZINC"));
        long acid = product(org, "HA-2", "Hyaluronic acid 2 mL", ProductStore.Form.SYRINGE, "2",
                ProductStore.Purpose.INJECTION, "14.00", null, 5, List.of("HYALURONIC_ACID"));
        long dutasteride = product(org, "DUT-005", "Dutasteride 0.05% 2 mL", ProductStore.Form.AMPOULE, "2",
                ProductStore.Purpose.INJECTION, "18.50", null, 4, List.of("DUTASTERIDE"));
        long exosomes = product(org, "EXO-KIT", "Exosome scalp kit", ProductStore.Form.KIT, "5", ProductStore.Purpose.RETAIL,
                "21.00", "38.50", 2, List.of("EXOSOMES"));
        long lidocaine = product(org, "LIDO-5", "Lidocaine 5% cream 30 g", ProductStore.Form.KIT, null,
                ProductStore.Purpose.INJECTION, "6.40", null, 2, List.of("LIDOCAINE"));
        long vitaminsLot = lot(org, paris, vitamins, "NH2611A", today.plusMonths(8), 24, now);
        lot(org, paris, vitamins, "NH2609C", today.plusDays(20), 6, now);
        long acidLot = lot(org, paris, acid, "HA-7781", today.plusMonths(14), 12, now);
        lot(org, paris, dutasteride, "DU0526", today.plusMonths(5), 3, now);
        lot(org, paris, exosomes, "EXK-114", today.plusMonths(10), 8, now);
        lot(org, madrid, vitamins, "NH2611B", today.plusMonths(9), 18, now);
        lot(org, madrid, lidocaine, "LC-301", today.plusMonths(3), 4, now);
        jdbc.sql("SELECT id, clinic_id FROM patients_patient WHERE family_name = 'Moreau' AND created_by = 'demo'")
                .query((rs, n) -> {
                    long patient = rs.getLong(1);
                    long template = formulas.shippedTemplate("NUTRITIVE").orElseThrow();
                    long formula = formulas.insert(org, rs.getLong(2), patient, null, template, new FormulaInput(
                            "Nutritive cocktail", Indication.ANDROGENETIC_ALOPECIA, Modality.MESOTHERAPY,
                            new BigDecimal("2"), Technique.NAPPAGE, null, List.of(
                                    new FormulaInput.Component("BIOTIN", null, null),
                                    new FormulaInput.Component("ZINC", null, null),
                                    new FormulaInput.Component("HYALURONIC_ACID", null, null))),
                            null, "demo", now);
                    long preparation = ledger.insertPreparation(org, paris, formula, "demo-moreau-1", "demo", now)
                            .orElseThrow();
                    for (long lot : List.of(vitaminsLot, acidLot)) {
                        ledger.decrease(lot, paris, 1).ifPresent(balance -> ledger.movement(org, paris, lot,
                                StockStore.MovementKind.USED, -1, balance, null, preparation, null, "demo", now));
                    }
                    ledger.administration(org, paris, preparation, patient, "demo-session-1", "demo", now);
                    return patient;
                }).list();
    }

    private long clinic(long org, String name) {
        return jdbc.sql("SELECT id FROM clinics_clinic WHERE organisation_id = :org AND name = :name")
                .param("org", org).param("name", name).query(Long.class).single();
    }

    private long product(long org, String sku, String name, ProductStore.Form form, String volume,
            ProductStore.Purpose purpose, String cost, String retail, int reorderLevel, List<String> ingredients) {
        return products.insert(org, new ProductStore.Input(sku, name, "Demo Laboratories", "Demo Wholesale", form,
                volume == null ? null : new BigDecimal(volume), purpose, new BigDecimal(cost),
                retail == null ? null : new BigDecimal(retail), new BigDecimal("20"), "EUR", reorderLevel,
                ingredients.stream().map(code -> new ProductStore.Component(code, null, null)).toList()), "demo",
                clock.instant());
    }

    private long lot(long org, long clinic, long product, String number, LocalDate expiry, int quantity,
            Instant now) {
        long lot = ledger.insertLot(org, product, number, expiry, "DEMO-DN", "demo", now);
        int balance = ledger.increase(org, lot, clinic, quantity);
        ledger.movement(org, clinic, lot, StockStore.MovementKind.RECEIVED, quantity, balance, "DEMO-DN", null,
                null, "demo", now);
        return lot;
    }
}
