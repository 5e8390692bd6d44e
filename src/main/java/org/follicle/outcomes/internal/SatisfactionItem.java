package org.follicle.outcomes.internal;

import java.util.Arrays;
import java.util.List;

/**
 * The patient's questionnaire at a follow-up, after the items of the Hair Growth Questionnaire (Barber 1998,
 * knowledge base section 3 [70]): three on satisfaction with the hair's appearance, then growth, appearance, the
 * thinning area and the slowing of loss. Our own wording, each answered on a 7-point scale from -3 to +3.
 */
enum SatisfactionItem {
    SATISFIED_OVERALL(true), SATISFIED_FRONT(true), SATISFIED_TOP(true), GROWTH(false), APPEARANCE(false),
    THINNING_AREA(false), SLOWER_LOSS(false);

    private final boolean satisfaction;

    SatisfactionItem(boolean satisfaction) {
        this.satisfaction = satisfaction;
    }

    /** The items whose mean is the satisfaction score (a score of +1 or more counts as satisfied). */
    static List<SatisfactionItem> satisfactionItems() {
        return Arrays.stream(values()).filter(i -> i.satisfaction).toList();
    }
}
