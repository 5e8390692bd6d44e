package org.follicle.patients;

import java.util.Map;

/**
 * A part of the patient chart contributed by another module (the screening banner, consent status...). The
 * chart renders {@link #fragment()} with {@link #model(PatientView)} in the order of {@link #order()}.
 */
public interface ChartSection {

    int order();

    /** A Thymeleaf fragment, such as {@code "intake/chart :: banner"}. */
    String fragment();

    /** What the fragment shows for this patient; the user's access to the patient is already checked. */
    Map<String, Object> model(PatientView patient);
}
