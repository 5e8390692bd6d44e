package org.follicle.intake;

/** What a patient consents to. */
public enum ConsentType {
    MESOTHERAPY, PRP, PHOTOGRAPHY, DATA_PROCESSING
}
