package org.follicle.formulary.internal;

/** What a formula is for; the diagnosis categories a cocktail is chosen for, and aftercare. */
enum Indication {
    ANDROGENETIC_ALOPECIA, FEMALE_PATTERN_HAIR_LOSS, TELOGEN_EFFLUVIUM, ALOPECIA_AREATA, POST_TRANSPLANT, OTHER
}
