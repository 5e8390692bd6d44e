package org.follicle.diagnosis.internal;

/** The grading scales of knowledge base 3, as the stages an examiner picks. */
final class Scales {

    private Scales() {
    }

    /** Hamilton-Norwood I-VII with the III-vertex and type A variants [65][66]. */
    enum Norwood {
        I, II, IIA, III, IIIA, III_VERTEX, IV, IVA, V, VA, VI, VII
    }

    /** Ludwig I-III: crown thinning with the frontal hairline kept [67]. */
    enum Ludwig {
        I, II, III
    }

    /** Savin: eight density grades and "frontal" [68]. */
    enum Savin {
        I1, I2, I3, I4, II1, II2, III, ADVANCED, FRONTAL
    }

    /** Trichoscopic signs the examiner ticks per site. */
    enum Sign {
        YELLOW_DOTS, HAIR_DIAMETER_DIVERSITY, PERIPILAR_SIGN, EXCLAMATION_MARK_HAIRS, BLACK_DOTS, BROKEN_HAIRS,
        SHORT_VELLUS_HAIRS, UPRIGHT_REGROWING_HAIRS, PERIFOLLICULAR_SCALING, HONEYCOMB_PIGMENTATION
    }
}
