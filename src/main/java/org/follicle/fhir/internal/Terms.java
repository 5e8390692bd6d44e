package org.follicle.fhir.internal;

import java.util.Arrays;
import java.util.Optional;

/**
 * The code systems and identifiers Follicle's resources use. Trichoscopy has no LOINC code (the knowledge base, section
 * 4, found none for SALT, density or the pull test and says to use local codes), so its measures are coded under Follicle's own
 * code system, served at {@code /fhir/CodeSystem}; units are UCUM.
 */
final class Terms {

    static final String BASE = "https://follicle.org/fhir";

    static final String TRICHOSCOPY = BASE + "/CodeSystem/trichoscopy";

    static final String SCALP_SITE = BASE + "/CodeSystem/scalp-site";

    static final String FILE_NUMBER = BASE + "/sid/file-number";

    static final String SNOMED = "http://snomed.info/sct";

    static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";

    static final String UCUM = "http://unitsofmeasure.org";

    /** SNOMED CT 41695006 |Scalp structure (body structure)|, as DICOM PS3.16 maps body part SCALP. */
    static final String SCALP_STRUCTURE = "41695006";

    static final String SCALP_STRUCTURE_DISPLAY = "Scalp structure";

    /** The code of a whole trichoscopic assessment (the report). */
    static final String ASSESSMENT = "trichoscopy-assessment";

    static final String ASSESSMENT_DISPLAY = "Trichoscopic assessment";

    private Terms() {
    }

    /** A measure taken at a scalp site, with its UCUM unit. */
    enum Measure {
        DENSITY("hair-density", "Hair density", "/cm2", "hairs/cm²"),
        HAIRS("hair-count", "Hairs counted in the field", "{hairs}", "hairs"),
        AREA("field-area", "Area of the counted field", "cm2", "cm²"),
        TERMINAL("terminal-hairs", "Terminal hairs counted", "{hairs}", "hairs"),
        VELLUS("vellus-hairs", "Vellus hairs counted", "{hairs}", "hairs"),
        DIAMETER("mean-shaft-diameter", "Mean hair shaft diameter", "um", "µm"),
        ANAGEN("anagen-percent", "Hairs in anagen", "%", "%"),
        TELOGEN("telogen-percent", "Hairs in telogen", "%", "%"),
        PER_UNIT("hairs-per-follicular-unit", "Mean hairs per follicular unit", "{hairs}/{follicular_unit}",
                "hairs per unit"),
        EMPTY("empty-follicles", "Empty follicular openings", "{follicles}", "openings");

        final String code;

        final String display;

        final String ucum;

        final String unit;

        Measure(String code, String display, String ucum, String unit) {
            this.code = code;
            this.display = display;
            this.ucum = ucum;
            this.unit = unit;
        }

        static Optional<Measure> of(String code) {
            return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
        }
    }
}
