package org.follicle.intake.internal;

import java.time.LocalDate;

import org.follicle.intake.internal.IntakeDocument.MedicationKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Medicines are read by what they are: the class comes from the dictionary, not from a kind picked by hand. */
class MedicineDictionaryTests {

    static final MedicineDictionary DICTIONARY = MedicineDictionary.load(KnowledgeConfiguration.MEDICINES);

    @Test
    void brandsOfEachCountryAndTranslatedNamesFindTheirMedicine() {
        assertThat(kind("Kardégic")).isEqualTo(MedicationKind.ASPIRIN);
        assertThat(kind("adiro")).isEqualTo(MedicationKind.ASPIRIN);
        assertThat(kind("Nu-Seals")).isEqualTo(MedicationKind.ASPIRIN);
        assertThat(kind("Previscan")).isEqualTo(MedicationKind.ANTICOAGULANT);
        assertThat(kind("Sintrom")).isEqualTo(MedicationKind.ANTICOAGULANT);
        assertThat(kind("Plavix")).isEqualTo(MedicationKind.ANTIPLATELET);
        assertThat(kind("Voltarol")).isEqualTo(MedicationKind.NSAID);
        assertThat(kind("ibuprofène")).isEqualTo(MedicationKind.NSAID);
        assertThat(kind("metilprednisolona")).isEqualTo(MedicationKind.SYSTEMIC_STEROID);
        assertThat(kind("Isdiben")).isEqualTo(MedicationKind.RETINOID);
        assertThat(kind("Propecia")).isEqualTo(MedicationKind.FIVE_ALPHA_REDUCTASE_INHIBITOR);
        assertThat(kind("Regaine")).isEqualTo(MedicationKind.MINOXIDIL);
        assertThat(kind("Doliprane")).isEqualTo(MedicationKind.OTHER);
    }

    @Test
    void aNameWithItsStrengthOrFormIsStillFound() {
        assertThat(kind("KARDEGIC 75 mg sachet")).isEqualTo(MedicationKind.ASPIRIN);
        assertThat(kind("Eliquis 5mg x2/j")).isEqualTo(MedicationKind.ANTICOAGULANT);
    }

    @Test
    void aNameTheDictionaryDoesNotKnowIsUnknownNeverOther() {
        assertThat(classify("Zorglubine", null).kind()).isEqualTo(MedicationKind.UNKNOWN);
        assertThat(classify("Zorglubine", MedicationKind.OTHER).kind()).isEqualTo(MedicationKind.UNKNOWN);
        assertThat(classify("Zorglubine", MedicationKind.ANTICOAGULANT).kind())
                .as("a class a person gave that the rules read is kept").isEqualTo(MedicationKind.ANTICOAGULANT);
    }

    @Test
    void theDictionaryWinsOverAKindPickedByHand() {
        IntakeDocument.Medication classified = classify("Plavix", MedicationKind.OTHER);
        assertThat(classified.kind()).isEqualTo(MedicationKind.ANTIPLATELET);
        assertThat(classified.code()).isEqualTo("CLOPIDOGREL");
        assertThat(classified.name()).as("kept as typed").isEqualTo("Plavix");
    }

    @Test
    void textNamingTwoMedicinesIsNotGuessed() {
        assertThat(DICTIONARY.find("Kardégic and Plavix")).isEmpty();
        assertThat(DICTIONARY.find("Plavix 75 (clopidogrel)")).map(MedicineDictionary.Medicine::code)
                .contains("CLOPIDOGREL");
    }

    @Test
    void suggestionsBeginWithWhatWasTyped() {
        assertThat(DICTIONARY.suggest("karde", 10)).extracting(MedicineDictionary.Suggestion::name)
                .containsExactly("Kardégic");
        assertThat(DICTIONARY.suggest("ibu", 10)).extracting(s -> s.medicine().code()).contains("IBUPROFEN");
        assertThat(DICTIONARY.suggest("acid", 10)).as("a word inside the name").extracting(s -> s.medicine().code())
                .contains("ASPIRIN", "MEFENAMIC_ACID");
        assertThat(DICTIONARY.suggest("a", 10)).hasSize(10);
        assertThat(DICTIONARY.suggest(" ", 10)).isEmpty();
    }

    @Test
    void aNameThatWouldMeanTwoMedicinesStopsTheStart() {
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        var document = json.readTree("""
                {"medicines": [
                  {"code": "A", "name": "alpha", "class": "NSAID", "atc": ["M01AE01"], "source": "s",
                   "brands": {"FR": ["Same"]}},
                  {"code": "B", "name": "beta", "class": "OTHER", "atc": ["N02BE01"], "source": "s",
                   "brands": {"ES": ["same"]}}]}""");
        assertThatThrownBy(() -> MedicineDictionary.of(document, "test")).hasMessageContaining("names both A and B");
    }

    @Test
    void everyMedicineHasItsClassCodesAndSource() {
        assertThat(DICTIONARY.medicines()).hasSizeGreaterThan(60).allSatisfy(m -> {
            assertThat(m.atc()).isNotEmpty();
            assertThat(m.source()).isNotBlank();
            assertThat(m.kind()).isNotEqualTo(MedicationKind.UNKNOWN);
        });
    }

    private static MedicationKind kind(String typed) {
        return DICTIONARY.find(typed).map(MedicineDictionary.Medicine::kind).orElse(null);
    }

    private static IntakeDocument.Medication classify(String name, MedicationKind given) {
        return DICTIONARY.classify(new IntakeDocument.Medication(given, null, name, true, LocalDate.of(2026, 1, 1)));
    }
}
