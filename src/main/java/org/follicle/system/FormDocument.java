package org.follicle.system;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a page form whose fields are named like JSON paths ({@code medicalHistory.pregnancy},
 * {@code sites[0].hairs}) into the same JSON document the API takes, so that one record type, one validation
 * and one service serve both. Empty fields are left out.
 */
public final class FormDocument {

    private static final Pattern INDEXED = Pattern.compile("(\\w+)\\[(\\d{1,2})]");

    private FormDocument() {
    }

    /** @param multiValued names of fields answered with several values (checkboxes), read as arrays */
    public static ObjectNode read(Map<String, String[]> parameters, JsonMapper json, Predicate<String> multiValued) {
        ObjectNode root = json.createObjectNode();
        parameters.forEach((name, values) -> {
            if (name.startsWith("_") || values.length == 0) {
                // _csrf and other framework fields are not part of the document.
                return;
            }
            if (multiValued.test(name)) {
                ArrayNode array = parent(root, name).putArray(leaf(name));
                for (String value : values) {
                    if (!value.isBlank()) {
                        array.add(value);
                    }
                }
                return;
            }
            String value = values[0].trim();
            if (!value.isEmpty()) {
                parent(root, name).put(leaf(name), value);
            }
        });
        return root;
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

    /**
     * The form as the record the API takes, validated as the API validates it: the value, or the problems by field
     * path (bean validation's messages; {@code _form} when a value cannot even be read, such as a letter in a
     * number field).
     */
    public static <T> Bound<T> bind(ObjectNode form, JsonMapper json, Validator validator, Class<T> type) {
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            T value = json.treeToValue(form, type);
            for (ConstraintViolation<T> violation : validator.validate(value)) {
                errors.put(violation.getPropertyPath().toString(), violation.getMessage());
            }
            return new Bound<>(errors.isEmpty() ? value : null, errors);
        }
        catch (JacksonException e) {
            errors.put("_form", "problem.invalidValue");
            return new Bound<>(null, errors);
        }
    }

    /** A bound form: the value when valid, else the problems by field. */
    public record Bound<T>(T value, Map<String, String> errors) {

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /** Keeps the rows of an array that have a value in one of {@code fields}: an untouched row is not a row. */
    public static void keepRowsWith(ObjectNode root, String array, String... fields) {
        ArrayNode rows = root.has(array) ? (ArrayNode) root.get(array) : null;
        ArrayNode kept = root.putArray(array);
        if (rows != null) {
            rows.forEach(row -> {
                if (row != null && java.util.Arrays.stream(fields).anyMatch(row::hasNonNull)) {
                    kept.add(row);
                }
            });
        }
    }
}
