package org.follicle.billing.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.follicle.patients.ChartSection;
import org.follicle.patients.PatientView;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.springframework.stereotype.Component;

/**
 * The patient's billing on the chart: invoices and credit notes, the courses bought and what is left of them, the
 * VAT chosen for the patient's care; with the buttons to invoice, sell a course or products.
 */
@Component
class BillingChartSection implements ChartSection {

    private final Invoices invoices;

    private final Courses courses;

    private final PriceList prices;

    private final ClinicAccess access;

    BillingChartSection(Invoices invoices, Courses courses, PriceList prices, ClinicAccess access) {
        this.invoices = invoices;
        this.courses = courses;
        this.prices = prices;
        this.access = access;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public String fragment() {
        return "billing/chart :: invoices";
    }

    @Override
    public Map<String, Object> model(PatientView patient) {
        boolean canSee = access.can(Privilege.BILLING_READ, patient.clinicId());
        Map<String, Object> model = new HashMap<>();
        model.put("visible", canSee);
        model.put("patientId", patient.id());
        if (!canSee) {
            return model;
        }
        boolean open = !patient.voided();
        boolean canSell = open && access.can(Privilege.BILLING_WRITE, patient.clinicId());
        List<Invoice> billed = invoices.ofPatient(patient.id());
        boolean issued = billed.stream().anyMatch(i -> i.status() == Invoice.Status.ISSUED);
        model.put("invoices", billed);
        model.put("hasIssued", issued);
        model.put("balance", issued ? invoices.balanceOf(patient.id()) : Map.of());
        model.put("courses", courses.heldToday(patient.id()));
        PriceStore.VatChoice choice = prices.vatChoice(patient).orElse(null);
        model.put("vatChoice", choice);
        model.put("categories", choice == null ? Map.of() : invoices.vatCategories(patient.clinicId()));
        model.put("canChooseVat", open && access.can(Privilege.CLINICAL_WRITE, patient.clinicId()));
        model.put("canInvoice", canSell);
        model.put("onSale", canSell ? prices.coursesOnSale(patient.clinicId()) : List.of());
        return model;
    }
}
