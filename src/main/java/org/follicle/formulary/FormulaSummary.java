package org.follicle.formulary;

/** A patient's formula as a treatment plan names it. */
public record FormulaSummary(long id, long patientId, String name, boolean voided) {
}
