package org.follicle.outcomes.internal;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped figures load, each sourced, and the clinics' own claims are labelled as such. */
class EvidenceLibraryTests {

    final EvidenceLibrary library = new EvidenceLibrary(JsonMapper.builder().build());

    @Test
    void everyFigureHasItsSourceStrengthAndTexts() {
        assertThat(library.figures()).isNotEmpty().allSatisfy(f -> assertThat(f.problem()).isNull());
    }

    @Test
    void theSeedsClaimsAreLabelledClinicClaimsAndSaySo() {
        assertThat(library.figures()).filteredOn(f -> f.source().contains("seeds"))
                .allSatisfy(f -> {
                    assertThat(f.strength()).isEqualTo(EvidenceLibrary.Strength.CLINIC_CLAIM);
                    assertThat(f.texts().get("en")).containsAnyOf("clinic claim", "Clinics say", "quoted by clinics");
                });
    }

    @Test
    void prpDensityFiguresComeStrongestFirst() {
        assertThat(library.about("PRP", "DENSITY_CHANGE")).extracting(EvidenceLibrary.Figure::id)
                .startsWith("PRP_DENSITY_MEN_META");
    }
}
