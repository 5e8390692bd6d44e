package org.follicle.intake.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.follicle.intake.Modality;
import org.follicle.intake.RuleClass;
import org.follicle.patients.Sex;
import org.follicle.system.FoldedText;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the questionnaire and the screening rules from {@code knowledge/} and refuses, at start, anything a
 * clinician could be misled by: a rule without a source or a translation, an unknown question, an answer the
 * question cannot have, an unknown setting or condition.
 */
final class KnowledgeLoader {

    static final List<String> LANGUAGES = List.of("en", "fr", "es");

    static final Set<String> MEDICATION_KINDS = java.util.Arrays.stream(IntakeDocument.MedicationKind.values())
            .map(Enum::name).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private KnowledgeLoader() {
    }

    static Questionnaire questionnaire(String resource) {
        JsonNode root = read(resource);
        List<Questionnaire.Section> sections = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        for (JsonNode s : root.path("sections")) {
            List<Questionnaire.Question> questions = new ArrayList<>();
            for (JsonNode q : s.path("questions")) {
                String path = text(q, "path", resource);
                String kind = text(q, "kind", resource);
                if (!Set.of("TRI", "PREGNANCY", "NUMBER", "TEXT", "CHOICE", "MULTI").contains(kind)) {
                    throw invalid(resource, "question " + path + " has unknown kind " + kind);
                }
                if (!paths.add(path)) {
                    throw invalid(resource, "question " + path + " appears twice");
                }
                List<String> options = new ArrayList<>();
                q.path("options").forEach(o -> options.add(o.asString()));
                if (Set.of("CHOICE", "MULTI").contains(kind) && options.isEmpty()) {
                    throw invalid(resource, "question " + path + " has no options");
                }
                boolean safety = q.path("safety").asBoolean(false);
                if (safety && !Set.of("TRI", "PREGNANCY").contains(kind)) {
                    throw invalid(resource, "safety question " + path + " must be answered yes, no or unknown");
                }
                Set<Sex> askedOf = EnumSet.noneOf(Sex.class);
                q.path("askedOf").forEach(v -> askedOf.add(enumValue(Sex.class, v.asString(), resource, path)));
                questions.add(new Questionnaire.Question(path, kind, safety, List.copyOf(options), Set.copyOf(askedOf)));
            }
            sections.add(new Questionnaire.Section(text(s, "id", resource), List.copyOf(questions)));
        }
        int version = root.path("version").asInt(0);
        if (version < 1 || sections.isEmpty()) {
            throw invalid(resource, "needs a version and sections");
        }
        return new Questionnaire(version, List.copyOf(sections));
    }

    static RuleSet rules(String resource, Questionnaire questionnaire) {
        JsonNode root = read(resource);
        List<Rule> rules = rules(root.path("rules"), questionnaire, resource, "");
        if (rules.isEmpty()) {
            throw invalid(resource, "has no rules");
        }
        return new RuleSet(text(root, "version", resource), rules);
    }

    /**
     * Rules given as data by another module (an ingredient's contraindications), in the same format; their ids are
     * prefixed (for example {@code MINOXIDIL.HEART_DISEASE}). Throws {@link IllegalStateException} naming the
     * first problem.
     */
    static List<Rule> rules(JsonNode array, Questionnaire questionnaire, String origin, String idPrefix) {
        if (!array.isArray()) {
            throw invalid(origin, "rules must be a list");
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode r : array) {
            String id = idPrefix + text(r, "id", origin);
            if (!ids.add(id)) {
                throw invalid(origin, "rule " + id + " appears twice");
            }
            RuleClass fixed = r.has("class") ? ruleClass(r.path("class").asString(), origin, id) : null;
            String classSetting = r.has("classSetting") ? r.path("classSetting").asString() : null;
            if ((fixed == null) == (classSetting == null)
                    || (classSetting != null && !ScreeningSettings.CLASS_SETTINGS.contains(classSetting))) {
                throw invalid(origin, "rule " + id + " needs a class or a known classSetting");
            }
            Set<Modality> modalities = EnumSet.noneOf(Modality.class);
            for (JsonNode m : r.path("modalities")) {
                modalities.add(enumValue(Modality.class, m.asString(), origin, id));
            }
            if (modalities.isEmpty()) {
                throw invalid(origin, "rule " + id + " applies to no modality");
            }
            Map<String, String> messages = new LinkedHashMap<>();
            for (String language : LANGUAGES) {
                String message = r.path("message").path(language).asString("");
                if (message.isBlank()) {
                    throw invalid(origin, "rule " + id + " has no message in " + language);
                }
                messages.put(language, message);
            }
            String source = text(r, "source", origin);
            rules.add(new Rule(id, fixed, classSetting, Set.copyOf(modalities),
                    condition(r.path("when"), questionnaire, origin, id), Map.copyOf(messages), source));
        }
        return List.copyOf(rules);
    }

    private static RuleClass ruleClass(String value, String origin, String id) {
        return enumValue(RuleClass.class, value, origin, id);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String origin, String id) {
        try {
            return Enum.valueOf(type, value);
        }
        catch (IllegalArgumentException e) {
            throw invalid(origin, "rule " + id + " names unknown " + type.getSimpleName() + " " + value);
        }
    }

    private static Condition condition(JsonNode when, Questionnaire questionnaire, String resource, String id) {
        if (when.has("answer")) {
            String path = when.path("answer").asString();
            Questionnaire.Question question = questionnaire.question(path)
                    .orElseThrow(() -> invalid(resource, "rule " + id + " asks unknown question " + path));
            Set<String> values = new HashSet<>();
            for (JsonNode v : when.path("is")) {
                if (!question.allowed().contains(v.asString()) || "UNKNOWN".equals(v.asString())) {
                    throw invalid(resource, "rule " + id + " tests " + path + " for " + v.asString()
                            + ", which it cannot be (UNKNOWN is never tested: it always needs the physician)");
                }
                values.add(v.asString());
            }
            return new Condition.AnswerIs(path, Set.copyOf(values));
        }
        if (when.has("missing")) {
            String path = when.path("missing").asString();
            questionnaire.question(path).filter(q -> !q.safety())
                    .orElseThrow(() -> invalid(resource, "rule " + id + " looks for a missing answer to " + path
                            + ", which is not a question or is a safety question (those are unanswered, not missing)"));
            return new Condition.AnswerMissing(path);
        }
        if (when.has("ageUnder")) {
            return new Condition.AgeUnder(when.path("ageUnder").asInt());
        }
        if (when.has("number")) {
            String path = when.path("number").asString();
            questionnaire.question(path).filter(q -> q.kind().equals("NUMBER"))
                    .orElseThrow(() -> invalid(resource, "rule " + id + " reads unknown number " + path));
            return new Condition.NumberBelow(path, new BigDecimal(when.path("below").asString()));
        }
        if (when.has("medication")) {
            JsonNode m = when.path("medication");
            return new Condition.MedicationTaken(kinds(m, resource, id), prescribed(m));
        }
        if (when.has("medicationWithin")) {
            JsonNode m = when.path("medicationWithin");
            String days = m.path("days").asString();
            if (days.startsWith("setting:")) {
                String setting = days.substring("setting:".length());
                if (!ScreeningSettings.DAY_SETTINGS.contains(setting)) {
                    throw invalid(resource, "rule " + id + " names unknown setting " + setting);
                }
                return new Condition.MedicationWithin(kinds(m, resource, id), prescribed(m), null, setting);
            }
            return new Condition.MedicationWithin(kinds(m, resource, id), prescribed(m), Integer.valueOf(days), null);
        }
        if (when.path("always").asBoolean(false)) {
            return new Condition.Always();
        }
        if (when.has("sex")) {
            Set<Sex> values = EnumSet.noneOf(Sex.class);
            when.path("sex").forEach(v -> values.add(enumValue(Sex.class, v.asString(), resource, id)));
            if (values.isEmpty()) {
                throw invalid(resource, "rule " + id + " tests no sex");
            }
            return new Condition.SexIs(Set.copyOf(values));
        }
        if (when.has("answerMentions")) {
            String path = when.path("answerMentions").asString();
            questionnaire.question(path).filter(q -> q.kind().equals("TEXT"))
                    .orElseThrow(() -> invalid(resource, "rule " + id + " reads unknown text answer " + path));
            List<String> terms = new ArrayList<>();
            when.path("terms").forEach(t -> {
                if (!FoldedText.fold(t.asString()).isEmpty()) {
                    terms.add(t.asString());
                }
            });
            if (terms.isEmpty()) {
                throw invalid(resource, "rule " + id + " looks for no term");
            }
            return new Condition.AnswerMentions(path, List.copyOf(terms));
        }
        if (when.has("formulaContains")) {
            return new Condition.FormulaContains(when.path("formulaContains").asString());
        }
        if (when.has("any") || when.has("all")) {
            List<Condition> parts = new ArrayList<>();
            when.path(when.has("any") ? "any" : "all").forEach(c -> parts.add(condition(c, questionnaire, resource, id)));
            return when.has("any") ? new Condition.AnyOf(List.copyOf(parts)) : new Condition.AllOf(List.copyOf(parts));
        }
        throw invalid(resource, "rule " + id + " has an unknown condition " + when);
    }

    private static Set<String> kinds(JsonNode m, String resource, String id) {
        Set<String> kinds = new HashSet<>();
        m.path("kinds").forEach(k -> kinds.add(k.asString()));
        if (kinds.isEmpty() || !MEDICATION_KINDS.containsAll(kinds)) {
            throw invalid(resource, "rule " + id + " names unknown medicine kinds " + kinds);
        }
        return Set.copyOf(kinds);
    }

    private static Boolean prescribed(JsonNode m) {
        return m.has("prescribed") ? m.path("prescribed").asBoolean() : null;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = KnowledgeLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            return JSON.readTree(in);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode node, String field, String resource) {
        String value = node.path(field).asString("");
        if (value.isBlank()) {
            throw invalid(resource, "an entry has no " + field + ": " + node);
        }
        return value;
    }

    private static IllegalStateException invalid(String resource, String problem) {
        return new IllegalStateException(resource + ": " + problem);
    }
}
