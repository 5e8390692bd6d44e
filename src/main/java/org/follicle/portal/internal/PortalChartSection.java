package org.follicle.portal.internal;

import java.util.HashMap;
import java.util.Map;

import org.follicle.clinics.ClinicDirectory;
import org.follicle.patients.ChartSection;
import org.follicle.patients.PatientView;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.springframework.stereotype.Component;

/** The portal on the chart: whether the patient has an account, the invitation, and the patient's messages. */
@Component
class PortalChartSection implements ChartSection {

    private final PortalAccounts accounts;

    private final Conversations conversations;

    private final ClinicDirectory clinics;

    private final ClinicAccess access;

    PortalChartSection(PortalAccounts accounts, Conversations conversations, ClinicDirectory clinics,
            ClinicAccess access) {
        this.accounts = accounts;
        this.conversations = conversations;
        this.clinics = clinics;
        this.access = access;
    }

    @Override
    public int order() {
        return 65;
    }

    @Override
    public String fragment() {
        return "portal/chart :: portal";
    }

    @Override
    public Map<String, Object> model(PatientView patient) {
        Map<String, Object> model = new HashMap<>();
        model.put("patient", patient);
        model.put("account", accounts.account(patient.id()).orElse(null));
        model.put("canWrite", !patient.voided() && access.can(Privilege.PATIENT_WRITE, patient.clinicId()));
        model.put("messages", conversations.readByClinic(patient));
        model.put("zone", clinics.find(patient.clinicId()).orElseThrow().zone());
        return model;
    }
}
