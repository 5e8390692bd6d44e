package org.follicle.sessions.internal;

import java.util.List;

import org.follicle.intake.ConsentType;
import org.follicle.intake.Modality;

/** What kind of treatment a session is, and what it needs: consents, screenings, a formula. */
enum SessionModality {
    /** Injected actives (a formula). */
    CHEMICAL,
    /** Micro-perforation or microneedling, without actives. */
    MECHANICAL,
    PRP,
    /** Mesotherapy and PRP in one session. */
    COMBINED;

    List<Modality> screenings() {
        return switch (this) {
            case PRP -> List.of(Modality.PRP);
            case COMBINED -> List.of(Modality.MESOTHERAPY, Modality.PRP);
            default -> List.of(Modality.MESOTHERAPY);
        };
    }

    List<ConsentType> consents() {
        return switch (this) {
            case PRP -> List.of(ConsentType.PRP);
            case COMBINED -> List.of(ConsentType.MESOTHERAPY, ConsentType.PRP);
            default -> List.of(ConsentType.MESOTHERAPY);
        };
    }

    boolean usesFormula() {
        return this == CHEMICAL || this == COMBINED;
    }
}
