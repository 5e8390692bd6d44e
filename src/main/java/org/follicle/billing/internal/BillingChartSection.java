package org.follicle.billing.internal;

import java.util.Map;

import org.follicle.patients.ChartSection;
import org.follicle.patients.PatientView;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.springframework.stereotype.Component;

/** The patient's invoices and credit notes on the chart, with the button to invoice. */
@Component
class BillingChartSection implements ChartSection {

    private final Invoices invoices;

    private final ClinicAccess access;

    BillingChartSection(Invoices invoices, ClinicAccess access) {
        this.invoices = invoices;
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
        return Map.of("visible", canSee, "patientId", patient.id(),
                "invoices", canSee ? invoices.ofPatient(patient.id()) : java.util.List.of(),
                "canInvoice", !patient.voided() && access.can(Privilege.BILLING_WRITE, patient.clinicId()));
    }
}
