package org.follicle.formulary;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.follicle.intake.Finding;
import org.follicle.intake.Modality;

/**
 * What is injected, checked against the patient through the same screening as a formula: each product by its
 * ingredients' rules and the patient's allergies. The findings returned are those that stop treatment (an
 * exclusion, a deferral still running); the caller decides whether a practitioner's override covers them.
 */
public interface ProductScreening {

    /** Every usable lot of the clinic, first expiry first, each with what keeps the patient from receiving it. */
    List<OfferedLot> offer(long clinicId, long patientId, Set<Modality> modalities, LocalDate date);

    /** The lots a chart names, usable or not, each with what keeps the patient from receiving it. */
    List<OfferedLot> check(long clinicId, long patientId, Set<Modality> modalities, LocalDate date, Collection<Long> lotIds);

    /**
     * What keeps the patient from receiving a product known only by the name typed in a chart (an anaesthetic):
     * the ingredients it names, or every local anaesthetic of the library when it names none, and the name itself
     * among the patient's allergies.
     */
    List<Finding> checkAnaesthetic(long patientId, String product, Set<Modality> modalities, LocalDate date);
}
