package org.follicle.formulary.internal;

/** The classes of cocktail ingredients (issue 5; knowledge base 1b). */
enum IngredientClass {
    VITAMIN, MINERAL, VASODILATOR, ANTIANDROGEN, HYALURONIC_ACID, AMINO_ACID_PEPTIDE, GROWTH_FACTOR, EXOSOME,
    ANAESTHETIC, OTHER
}
