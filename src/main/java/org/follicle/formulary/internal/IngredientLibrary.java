package org.follicle.formulary.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.follicle.intake.FormulaRules;
import org.follicle.intake.Screening;
import org.follicle.security.AuditAction;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditRecord;
import org.follicle.security.ClinicAccess;
import org.follicle.security.CurrentStaff;
import org.follicle.security.Privilege;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.RecordNotFoundException;
import org.follicle.system.StaleRecordException;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The organisation's ingredient library: every staff member reads it, admins (clinic managers) add and edit
 * ingredients. An edit of a shipped ingredient becomes the organisation's own version; every change is a revision
 * with its reason, and audited.
 */
@Service
@Transactional
class IngredientLibrary {

    static final String INGREDIENT = "ingredient";

    private final IngredientStore ingredients;

    private final Screening screening;

    private final ClinicAccess access;

    private final AuditLog audit;

    private final MessageSource messages;

    private final JsonMapper json;

    private final Clock clock;

    IngredientLibrary(IngredientStore ingredients, Screening screening, ClinicAccess access, AuditLog audit,
            MessageSource messages, JsonMapper json, Clock clock) {
        this.ingredients = ingredients;
        this.screening = screening;
        this.access = access;
        this.audit = audit;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<IngredientStore.Ingredient> list() {
        return ingredients.effective(access.current().organisationId());
    }

    @Transactional(readOnly = true)
    IngredientStore.Ingredient get(String code) {
        return ingredients.find(access.current().organisationId(), code)
                .orElseThrow(() -> new RecordNotFoundException(INGREDIENT, code));
    }

    @Transactional(readOnly = true)
    List<IngredientStore.Revision> revisions(String code) {
        return ingredients.revisions(get(code).id());
    }

    /** Adds an ingredient the library does not have. */
    IngredientStore.Ingredient add(IngredientData data, String reason) {
        CurrentStaff me = requireManager();
        if (ingredients.find(me.organisationId(), data.code()).isPresent()) {
            throw BusinessRuleException.onField("code", "ingredient.codeTaken", data.code());
        }
        check(data, reason);
        ingredients.insert(me.organisationId(), data, 1, reason.trim(), me.username(), clock.instant());
        audit.record(AuditRecord.success(AuditAction.CREATE, INGREDIENT, data.code(), null));
        return get(data.code());
    }

    /**
     * Changes an ingredient, if it is still at the version the editor saw. Editing a shipped ingredient gives
     * the organisation its own copy; the shipped one stays for other organisations.
     */
    IngredientStore.Ingredient edit(String code, int expectedVersion, IngredientData data, String reason) {
        CurrentStaff me = requireManager();
        IngredientStore.Ingredient current = get(code);
        if (!code.equals(data.code())) {
            throw BusinessRuleException.onField("code", "ingredient.codeFixed");
        }
        if (current.version() != expectedVersion) {
            throw new StaleRecordException(INGREDIENT, code);
        }
        check(data, reason);
        if (current.shipped()) {
            ingredients.insert(me.organisationId(), data, current.version() + 1, reason.trim(), me.username(),
                    clock.instant());
        }
        else if (!ingredients.update(current.id(), me.organisationId(), expectedVersion, data, reason.trim(), me.username(),
                clock.instant())) {
            throw new StaleRecordException(INGREDIENT, code);
        }
        audit.record(AuditRecord.success(AuditAction.UPDATE, INGREDIENT, code, null));
        return get(code);
    }

    /**
     * The screening rules of these ingredients (read with {@link #byCode}): each one's own rules, plus an exclusion
     * when the patient's free-text allergies name it.
     */
    FormulaRules formulaRules(Collection<IngredientStore.Ingredient> found) {
        Map<String, JsonNode> rules = new TreeMap<>();
        List<String> versions = new ArrayList<>();
        for (IngredientStore.Ingredient i : found) {
            ArrayNode list = i.data().rules() != null && i.data().rules().isArray()
                    ? ((ArrayNode) i.data().rules()).deepCopy() : json.createArrayNode();
            list.add(allergyRule(i.data()));
            rules.put(i.code(), list);
            versions.add(i.code() + "@" + (i.shipped() ? "" : "org") + i.version());
        }
        return new FormulaRules(String.join(",", versions), rules);
    }

    /** The ingredients by code, refusing any the library does not know. */
    @Transactional(readOnly = true)
    Map<String, IngredientStore.Ingredient> byCode(long organisationId, Collection<String> codes) {
        Map<String, IngredientStore.Ingredient> found = new LinkedHashMap<>();
        ingredients.effective(organisationId, codes).forEach(i -> found.put(i.code(), i));
        for (String code : codes) {
            if (!found.containsKey(code)) {
                throw new BusinessRuleException("ingredient.unknown", code);
            }
        }
        return found;
    }

    private ObjectNode allergyRule(IngredientData data) {
        return allergyRule(data::name, data.names());
    }

    /**
     * An exclusion when the patient's free-text allergies name any of the terms: an ingredient by its names, a
     * product by its name, an anaesthetic as the chart names it.
     */
    ObjectNode allergyRule(java.util.function.Function<Locale, String> name, List<String> terms) {
        ObjectNode rule = json.createObjectNode().put("id", "ALLERGY_NOTED").put("class", "EXCLUDE");
        rule.putArray("modalities").add("MESOTHERAPY").add("PRP");
        ObjectNode when = rule.putObject("when").put("answerMentions", "allergies.otherIngredients");
        ArrayNode list = when.putArray("terms");
        terms.forEach(list::add);
        ObjectNode message = rule.putObject("message");
        for (String language : List.of("en", "fr", "es")) {
            Locale locale = Locale.forLanguageTag(language);
            message.put(language, messages.getMessage("ingredient.allergyNoted", new Object[] { name.apply(locale) },
                    locale));
        }
        return rule.put("source", "Knowledge base 1a: hypersensitivity to any cocktail component [5][6]");
    }

    private void check(IngredientData data, String reason) {
        if (reason == null || reason.trim().length() < 5) {
            throw BusinessRuleException.onField("reason", "ingredient.reasonRequired");
        }
        JsonNode rules = data.rules() == null ? json.createArrayNode() : data.rules();
        screening.problemIn(rules).ifPresent(problem -> {
            throw BusinessRuleException.onField("rules", "ingredient.rulesInvalid", problem);
        });
        for (IngredientData.RegulatoryAlert alert : data.regulatory()) {
            for (String language : List.of("en", "fr", "es")) {
                if (alert.message().getOrDefault(language, "").isBlank()) {
                    throw BusinessRuleException.onField("regulatory", "ingredient.alertTranslationMissing", language);
                }
            }
        }
    }

    private CurrentStaff requireManager() {
        if (access.clinicsWith(Privilege.CLINIC_MANAGE).isEmpty()) {
            throw new AccessDeniedException("no clinic to manage");
        }
        return access.current();
    }
}
