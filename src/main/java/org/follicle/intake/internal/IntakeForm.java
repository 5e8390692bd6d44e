package org.follicle.intake.internal;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The intake page's form: its fields are named by the questionnaire paths ({@code medicalHistory.pregnancy},
 * {@code medications[0].kind}), read here into the same JSON the API takes.
 */
final class IntakeForm {

    private static final Pattern INDEXED = Pattern.compile("(\\w+)\\[(\\d{1,2})]");

    /** Fields answered with several values (checkboxes). */
    private static final List<String> MULTI = List.of("hairHistory.triggers", "hairHistory.previousTreatments");

    private IntakeForm() {
    }

    static ObjectNode read(Map<String, String[]> parameters, JsonMapper json) {
        ObjectNode root = json.createObjectNode();
        parameters.forEach((name, values) -> {
            if (name.startsWith("_") || values.length == 0) {
                return;
            }
            if (MULTI.contains(name)) {
                ArrayNode array = parent(root, name).putArray(leaf(name));
                for (String value : values) {
                    if (!value.isBlank()) {
                        array.add(value);
                    }
                }
                return;
            }
            String value = values[0].trim();
            if (!value.isEmpty() && (name.contains(".") || name.contains("["))) {
                parent(root, name).put(leaf(name), value);
            }
        });
        compactMedications(root);
        return root;
    }

    /** Empty medicine rows (no kind chosen) are not medicines. */
    private static void compactMedications(ObjectNode root) {
        JsonNode medications = root.get("medications");
        if (medications == null) {
            root.putArray("medications");
            return;
        }
        ArrayNode compact = root.putArray("medications");
        for (Iterator<JsonNode> it = medications.values().iterator(); it.hasNext();) {
            JsonNode m = it.next();
            if (m != null && m.hasNonNull("kind")) {
                compact.add(m);
            }
        }
    }

    private static ObjectNode parent(ObjectNode root, String name) {
        String[] parts = name.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            Matcher indexed = INDEXED.matcher(parts[i]);
            if (indexed.matches()) {
                ArrayNode array = node.has(indexed.group(1)) ? (ArrayNode) node.get(indexed.group(1))
                        : node.putArray(indexed.group(1));
                int index = Integer.parseInt(indexed.group(2));
                while (array.size() <= index) {
                    array.addNull();
                }
                if (!array.get(index).isObject()) {
                    array.set(index, array.objectNode());
                }
                node = (ObjectNode) array.get(index);
            }
            else {
                node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
            }
        }
        return node;
    }

    private static String leaf(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
