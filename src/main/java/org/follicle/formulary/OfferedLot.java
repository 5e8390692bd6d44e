package org.follicle.formulary;

import java.util.List;

import org.follicle.intake.Finding;

/**
 * A lot a session may pick from, with what keeps the patient from receiving it: an exclusion or a running deferral
 * of one of its product's ingredients, the product named among the patient's allergies, or an ingredient kept out
 * of any formula where the clinic is. Empty when the patient may receive it.
 */
public record OfferedLot(UsableLot lot, List<Finding> refusals) {

    public boolean allowed() {
        return refusals.isEmpty();
    }
}
