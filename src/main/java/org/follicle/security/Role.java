package org.follicle.security;

import java.util.EnumSet;
import java.util.Set;

import static org.follicle.security.Privilege.*;

/**
 * A staff member's role in one clinic. A person may hold several roles, in several clinics.
 * The mapping follows who does what in a clinic (see shared/domain/workflow.md, "Who uses it").
 */
public enum Role {
    /** Clinic manager: staff, rooms, stock, settings, reports and the audit log; reads records, treats nobody. */
    ADMIN(EnumSet.of(CLINIC_READ, PATIENT_READ, SCHEDULE_MANAGE, STOCK_MANAGE, STAFF_MANAGE, CLINIC_MANAGE, AUDIT_READ,
            METRICS_READ, OUTCOMES_READ, BILLING_READ, BILLING_WRITE)),
    /** Dermatologist or aesthetic doctor: diagnoses, decides eligibility, prescribes, treats and signs. */
    PRACTITIONER(EnumSet.of(CLINIC_READ, PATIENT_READ, PATIENT_WRITE, CLINICAL_WRITE, SCHEDULE_MANAGE,
            OUTCOMES_READ, BILLING_READ, BILLING_WRITE)),
    /** Assistant or receptionist: registers, books, takes photos and measures, sells products. */
    ASSISTANT(EnumSet.of(CLINIC_READ, PATIENT_READ, PATIENT_WRITE, SCHEDULE_MANAGE, STOCK_MANAGE, BILLING_READ,
            BILLING_WRITE));

    private final Set<Privilege> privileges;

    Role(Set<Privilege> privileges) {
        this.privileges = privileges;
    }

    public Set<Privilege> privileges() {
        return privileges;
    }

    public boolean grants(Privilege privilege) {
        return privileges.contains(privilege);
    }
}
