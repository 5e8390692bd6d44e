package org.follicle.generator.internal;

/** How big a generated organisation is. Large is the Performance issue's scale. */
enum Scale {
    SMALL(2, 2_000),
    MEDIUM(5, 20_000),
    LARGE(20, 200_000);

    final int clinics;

    final int patients;

    Scale(int clinics, int patients) {
        this.clinics = clinics;
        this.patients = patients;
    }
}
