package org.follicle.diagnosis.internal;

/** The grading scales of knowledge base 3, as the stages an examiner picks. */
final class Scales {

    private Scales() {
    }

    /**
     * Hamilton-Norwood I-VII with the III-vertex and type A variants [65][66]. The numbers draw our own schematic
     * (top view): how far the temples recede (0-1), how far the whole front line moves back (type A, 0-1), the
     * bald crown's radius (0-1), and whether the band between front and crown is gone.
     */
    enum Norwood {
        I(0.05, 0, 0, false), II(0.25, 0, 0, false), IIA(0, 0.2, 0, false), III(0.45, 0, 0, false),
        IIIA(0, 0.35, 0, false), III_VERTEX(0.45, 0, 0.3, false), IV(0.55, 0, 0.45, false),
        IVA(0, 0.5, 0.3, false), V(0.65, 0, 0.6, false), VA(0, 0.65, 0.5, false), VI(0.75, 0, 0.75, true),
        VII(0.9, 0, 0.9, true);

        private final double temples;

        private final double front;

        private final double crown;

        private final boolean bridgeLost;

        Norwood(double temples, double front, double crown, boolean bridgeLost) {
            this.temples = temples;
            this.front = front;
            this.crown = crown;
            this.bridgeLost = bridgeLost;
        }

        public double temples() {
            return temples;
        }

        public double front() {
            return front;
        }

        public double crown() {
            return crown;
        }

        public boolean bridgeLost() {
            return bridgeLost;
        }
    }

    /** Ludwig I-III: crown thinning with the frontal hairline kept [67]; the number is the thinned area (0-1). */
    enum Ludwig {
        I(0.35), II(0.6), III(0.85);

        private final double thinning;

        Ludwig(double thinning) {
            this.thinning = thinning;
        }

        public double thinning() {
            return thinning;
        }
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
