package org.follicle.intake.internal;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rule file a clinician could be misled by never loads; the questionnaire and the API document agree. */
class KnowledgeLoaderTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "unknown-question, unknown question medicalHistory.vampirism",
            "missing-translation, has no message in es", "missing-source, has no source",
            "tests-unknown, UNKNOWN is never tested", "unknown-setting, needs a class or a known classSetting" })
    void refusesARuleFile(String file, String problem) {
        assertThatThrownBy(() -> KnowledgeLoader.rules("knowledge-test/" + file + ".json",
                ScreeningEngineTests.QUESTIONNAIRE)).hasMessageContaining(problem);
    }

    @Test
    void everyQuestionOfTheQuestionnaireIsAFieldOfTheIntakeDocument() {
        JsonNode blank = JsonMapper.builder().build().valueToTree(new IntakeDocument(
                new IntakeDocument.MedicalHistory(null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, null, null, null, null, null, null, null, null, null),
                List.of(), new IntakeDocument.Allergies(null, null, null, null, null, null),
                new IntakeDocument.ScalpToday(null, null, null, null, null),
                new IntakeDocument.HairHistory(null, null, null, null, null, null)));
        List<String> missing = new ArrayList<>();
        for (Questionnaire.Question q : ScreeningEngineTests.QUESTIONNAIRE.questions()) {
            if (blank.at("/" + q.path().replace('.', '/')).isMissingNode()) {
                missing.add(q.path());
            }
        }
        assertThat(missing).isEmpty();
    }
}
