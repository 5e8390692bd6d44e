package org.follicle.intake.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads and checks the questionnaire and the screening rules at start: a broken rule file stops Follicle. */
@Configuration(proxyBeanMethods = false)
class KnowledgeConfiguration {

    static final String QUESTIONNAIRE = "knowledge/intake-questionnaire.json";

    static final String RULES = "knowledge/screening-rules.json";

    @Bean
    ScreeningEngine screeningEngine() {
        Questionnaire questionnaire = KnowledgeLoader.questionnaire(QUESTIONNAIRE);
        return new ScreeningEngine(KnowledgeLoader.rules(RULES, questionnaire), questionnaire);
    }
}
