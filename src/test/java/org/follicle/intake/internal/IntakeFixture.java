package org.follicle.intake.internal;

import java.time.LocalDate;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Intake documents for rule tests: a healthy adult who answered every safety question "no", then changes. */
final class IntakeFixture {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectNode document = JSON.createObjectNode();

    private IntakeFixture() {
    }

    static IntakeFixture healthy(Questionnaire questionnaire) {
        IntakeFixture fixture = new IntakeFixture();
        questionnaire.safetyQuestions().forEach(q -> fixture.answer(q.path(), "NO"));
        fixture.answer("medicalHistory.haemoglobin", "13.5").answer("medicalHistory.platelets", "250000");
        fixture.document.putArray("medications");
        return fixture;
    }

    IntakeFixture answer(String path, String value) {
        String[] parts = path.split("\\.");
        ObjectNode node = document;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
        }
        if (value == null) {
            node.remove(parts[parts.length - 1]);
        }
        else {
            node.put(parts[parts.length - 1], value);
        }
        return this;
    }

    IntakeFixture medication(String kind, Boolean prescribed, LocalDate lastTaken) {
        ArrayNode medications = (ArrayNode) document.get("medications");
        ObjectNode m = medications.addObject().put("kind", kind).put("name", kind.toLowerCase());
        if (prescribed != null) {
            m.put("prescribed", prescribed);
        }
        if (lastTaken != null) {
            m.put("lastTaken", lastTaken.toString());
        }
        return this;
    }

    ObjectNode document() {
        return document;
    }
}
