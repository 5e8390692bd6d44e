package org.follicle.intake.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads and checks the questionnaire, the screening rules and the medicine dictionary at start: a broken rule file stops Follicle. */
@Configuration(proxyBeanMethods = false)
class KnowledgeConfiguration {

    static final String QUESTIONNAIRE = "knowledge/intake-questionnaire.json";

    static final String RULES = "knowledge/screening-rules.json";

    static final String MEDICINES = "knowledge/medicines.json";

    @Bean
    ScreeningEngine screeningEngine() {
        Questionnaire questionnaire = KnowledgeLoader.questionnaire(QUESTIONNAIRE);
        return new ScreeningEngine(KnowledgeLoader.rules(RULES, questionnaire), questionnaire);
    }

    @Bean
    MedicineDictionary medicineDictionary() {
        return MedicineDictionary.load(MEDICINES);
    }
}
