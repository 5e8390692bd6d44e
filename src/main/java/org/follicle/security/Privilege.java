package org.follicle.security;

/** What a role allows in a clinic. Service methods check privileges, never role names. */
public enum Privilege {
    /** See the clinic itself: its name, rooms and opening details. Every role has it. */
    CLINIC_READ,
    /** See patients' records. */
    PATIENT_READ,
    /** Register patients, record intake and photos, book. */
    PATIENT_WRITE,
    /** Diagnose, prescribe, chart and sign sessions, override a screening with a reason. */
    CLINICAL_WRITE,
    /** Book and move appointments. */
    SCHEDULE_MANAGE,
    /** Receive, count and recall stock. */
    STOCK_MANAGE,
    /** Create staff accounts and give them roles in this clinic. */
    STAFF_MANAGE,
    /** Change the clinic, its rooms and its clinical rule settings. */
    CLINIC_MANAGE,
    /** Search and verify the audit log. */
    AUDIT_READ,
    /** Read the cohort reports: which protocols and formulas work for whom, from every course of the clinic. */
    OUTCOMES_READ,
    /** See the clinic's invoices, credit notes and payments. */
    BILLING_READ,
    /** Draft and issue invoices, correct them with credit notes, record payments. */
    BILLING_WRITE,
    /** Read operational metrics. */
    METRICS_READ;

    /** The Spring Security authority held by a user who has this privilege in at least one clinic. */
    public String authority() {
        return "PRIV_" + name();
    }
}
