package org.follicle.formulary.internal;

/** How a formula is suggested to be injected (knowledge base 2): nappage, micropapules, gun, microneedling. */
enum Technique {
    NAPPAGE, POINT_BY_POINT, INJECTOR_GUN, MICRONEEDLING
}
