package org.follicle.intake.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.follicle.system.FoldedText;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The medicine dictionary (knowledge/medicines.json): each medicine by its international non-proprietary name, its
 * translations and the brands in use in France, Spain and the United Kingdom, with its ATC codes and the class the
 * screening reads. A medicine is found by any of its names, as typed (case, accents and punctuation aside), so that
 * its class comes from the dictionary and not from a kind picked by hand. Plain Java, loaded and checked at start:
 * a name that would mean two medicines stops Follicle.
 */
final class MedicineDictionary {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<Medicine> medicines;

    /** Every name, folded and padded, with the medicine it names and where the name is a brand. */
    private final List<Name> names;

    private final Map<String, Name> byName;

    private MedicineDictionary(List<Medicine> medicines) {
        this.medicines = List.copyOf(medicines);
        List<Name> all = new ArrayList<>();
        Map<String, Name> index = new HashMap<>();
        for (Medicine m : medicines) {
            List<Name> own = new ArrayList<>();
            own.add(new Name(m.name(), null, m));
            m.synonyms().forEach(s -> own.add(new Name(s, null, m)));
            m.brands().forEach((country, brands) -> brands.forEach(b -> own.add(new Name(b, country, m))));
            for (Name n : own) {
                Name before = index.putIfAbsent(n.folded(), n);
                if (before != null && before.medicine() != m) {
                    throw new IllegalStateException("knowledge/medicines.json: \"" + n.text() + "\" names both "
                            + before.medicine().code() + " and " + m.code());
                }
                if (before == null) {
                    all.add(n);
                }
            }
        }
        all.sort(Comparator.comparing(Name::folded));
        this.names = List.copyOf(all);
        this.byName = Map.copyOf(index);
    }

    static MedicineDictionary load(String resource) {
        try (InputStream in = MedicineDictionary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            return of(JSON.readTree(in), resource);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MedicineDictionary of(JsonNode document, String resource) {
        List<Medicine> medicines = new ArrayList<>();
        for (JsonNode m : document.path("medicines")) {
            String code = text(m, "code", resource, "a medicine");
            IntakeDocument.MedicationKind kind;
            try {
                kind = IntakeDocument.MedicationKind.valueOf(text(m, "class", resource, code));
            }
            catch (IllegalArgumentException e) {
                throw new IllegalStateException(resource + ": " + code + " has an unknown class");
            }
            if (kind == IntakeDocument.MedicationKind.UNKNOWN) {
                throw new IllegalStateException(resource + ": " + code + " cannot be of the class UNKNOWN");
            }
            List<String> atc = strings(m.path("atc"));
            if (atc.isEmpty() || atc.stream().anyMatch(a -> !a.matches("[A-Z][0-9]{2}[A-Z]{2}[0-9]{2}"))) {
                throw new IllegalStateException(resource + ": " + code + " needs its ATC codes (such as B01AC06)");
            }
            Map<String, List<String>> brands = new LinkedHashMap<>();
            m.path("brands").properties().forEach(e -> brands.put(e.getKey(), strings(e.getValue())));
            medicines.add(new Medicine(code, text(m, "name", resource, code), kind, atc, strings(m.path("synonyms")),
                    brands, text(m, "source", resource, code)));
        }
        if (medicines.isEmpty()) {
            throw new IllegalStateException(resource + " lists no medicine");
        }
        return new MedicineDictionary(medicines);
    }

    List<Medicine> medicines() {
        return medicines;
    }

    /**
     * The medicine a typed name means: the name itself (a brand, the INN or a translation), or the one medicine the
     * text names among other words ("Kardégic 75 mg"). Empty when it names none, or more than one.
     */
    Optional<Medicine> find(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String padded = FoldedText.padded(typed);
        Name exact = byName.get(padded);
        if (exact != null) {
            return Optional.of(exact.medicine());
        }
        Medicine found = null;
        for (Name n : names) {
            if (FoldedText.mentions(padded, n.folded())) {
                if (found != null && found != n.medicine()) {
                    return Optional.empty();
                }
                found = n.medicine();
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * The medication with its class and code from the dictionary. For a name it does not know, a class given with it
     * is kept when a rule reads it (a person said "anticoagulant"); otherwise the class is UNKNOWN, never "other".
     */
    IntakeDocument.Medication classify(IntakeDocument.Medication m) {
        Optional<Medicine> known = find(m.name());
        if (known.isPresent()) {
            return new IntakeDocument.Medication(known.get().kind(), known.get().code(), m.name(), m.prescribed(),
                    m.lastTaken());
        }
        IntakeDocument.MedicationKind given = m.kind();
        boolean read = given != null && given != IntakeDocument.MedicationKind.OTHER
                && given != IntakeDocument.MedicationKind.UNKNOWN;
        return new IntakeDocument.Medication(read ? given : IntakeDocument.MedicationKind.UNKNOWN, null, m.name(),
                m.prescribed(), m.lastTaken());
    }

    /**
     * Names that begin with what was typed, or one of whose words does, those that begin with it first, then the
     * shorter; at most {@code limit}.
     */
    List<Suggestion> suggest(String typed, int limit) {
        String query = typed == null ? "" : FoldedText.fold(typed);
        if (query.isEmpty()) {
            return List.of();
        }
        String start = " " + query;
        List<Name> first = new ArrayList<>();
        List<Name> inside = new ArrayList<>();
        for (Name n : names) {
            if (n.folded().startsWith(start)) {
                first.add(n);
            }
            else if (n.folded().contains(start)) {
                inside.add(n);
            }
        }
        Comparator<Name> shorter = Comparator.comparingInt((Name n) -> n.folded().length()).thenComparing(Name::folded);
        first.sort(shorter);
        inside.sort(shorter);
        first.addAll(inside);
        return first.stream().limit(limit).map(n -> new Suggestion(n.text(), n.country(), n.medicine())).toList();
    }

    private static String text(JsonNode node, String field, String resource, String what) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw new IllegalStateException(resource + ": " + what + " needs its " + field);
        }
        return value.asString();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return List.copyOf(values);
    }

    /**
     * A medicine of the dictionary.
     *
     * @param code its stable identifier, kept with the patient's medication
     * @param name its international non-proprietary name in English
     * @param brands brand names by country (FR, ES, UK)
     */
    record Medicine(String code, String name, IntakeDocument.MedicationKind kind, List<String> atc,
            List<String> synonyms, Map<String, List<String>> brands, String source) {
    }

    /** A name offered as staff type: the brand or name as written, the country of a brand, and the medicine. */
    record Suggestion(String name, String country, Medicine medicine) {
    }

    private record Name(String text, String country, Medicine medicine, String folded) {

        Name(String text, String country, Medicine medicine) {
            this(text, country, medicine, FoldedText.padded(text));
        }
    }
}
