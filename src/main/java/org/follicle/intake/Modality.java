package org.follicle.intake;

/** The kind of treatment a screening is for. */
public enum Modality {
    MESOTHERAPY, PRP
}
