package org.follicle.formulary.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.follicle.formulary.OfferedLot;
import org.follicle.formulary.ProductScreening;
import org.follicle.formulary.UsableLot;
import org.follicle.intake.Finding;
import org.follicle.intake.FormulaRules;
import org.follicle.intake.Modality;
import org.follicle.intake.RuleClass;
import org.follicle.intake.Screening;
import org.follicle.patients.PatientRegistry;
import org.follicle.patients.PatientView;
import org.follicle.system.FoldedText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks what is injected against the patient (see {@link org.follicle.formulary.ProductScreening}): one screening
 * per modality with the rules of every ingredient in the products concerned, each product's name as an allergy,
 * and the regulatory blocks where the organisation is. A finding stops a product when it excludes, or defers past
 * the session's date.
 */
@Service
@Transactional(readOnly = true)
class ProductChecks implements ProductScreening {

    /** Rule ids of a product's own name among the patient's allergies are keyed by this prefix and the product id. */
    private static final String PRODUCT_KEY = "PRODUCT_";

    private static final String ANAESTHETIC_KEY = "ANAESTHETIC";

    private final StockService stock;

    private final ProductStore products;

    private final IngredientLibrary library;

    private final IngredientStore ingredients;

    private final FormularySettings.Store settings;

    private final Screening screening;

    private final PatientRegistry patients;

    private final JsonMapper json;

    ProductChecks(StockService stock, ProductStore products, IngredientLibrary library,
            IngredientStore ingredients, FormularySettings.Store settings, Screening screening, PatientRegistry patients,
            JsonMapper json) {
        this.stock = stock;
        this.products = products;
        this.library = library;
        this.ingredients = ingredients;
        this.settings = settings;
        this.screening = screening;
        this.patients = patients;
        this.json = json;
    }

    @Override
    public List<OfferedLot> offer(long clinicId, long patientId, Set<Modality> modalities, LocalDate date) {
        return refuse(patientId, modalities, date, stock.usableLots(clinicId));
    }

    @Override
    public List<OfferedLot> check(long clinicId, long patientId, Set<Modality> modalities, LocalDate date,
            Collection<Long> lotIds) {
        return refuse(patientId, modalities, date, stock.lots(clinicId, lotIds));
    }

    @Override
    public List<Finding> checkAnaesthetic(long patientId, String product, Set<Modality> modalities, LocalDate date) {
        if (product == null || product.isBlank()) {
            return List.of();
        }
        PatientView patient = patients.readablePatient(patientId);
        String text = FoldedText.padded(product);
        List<IngredientStore.Ingredient> all = ingredients.effective(patient.organisationId());
        List<IngredientStore.Ingredient> named = all.stream().filter(i -> i.data().names().stream()
                .anyMatch(n -> FoldedText.mentions(text, FoldedText.padded(n)))).toList();
        if (named.stream().noneMatch(ProductChecks::anaesthetic)) {
            // An anaesthetic the library cannot name is screened as any local anaesthetic could be.
            named = new ArrayList<>(named);
            named.addAll(all.stream().filter(ProductChecks::anaesthetic).toList());
        }
        Map<String, JsonNode> extra = Map.of(ANAESTHETIC_KEY,
                json.createArrayNode().add(library.allergyRule(l -> product.trim(), List.of(product))));
        return List.copyOf(stopping(patient, modalities, date, named, extra).values().stream()
                .flatMap(List::stream).toList());
    }

    private List<OfferedLot> refuse(long patientId, Set<Modality> modalities, LocalDate date, List<UsableLot> lots) {
        if (lots.isEmpty()) {
            return List.of();
        }
        PatientView patient = patients.readablePatient(patientId);
        Map<Long, ProductStore.Product> byId = new LinkedHashMap<>();
        products.find(patient.organisationId(), lots.stream().map(UsableLot::productId).distinct().toList())
                .forEach(p -> byId.put(p.id(), p));
        Set<String> codes = new HashSet<>();
        Map<String, JsonNode> names = new TreeMap<>();
        byId.values().forEach(p -> {
            p.components().forEach(c -> codes.add(c.code()));
            names.put(PRODUCT_KEY + p.id(), json.createArrayNode().add(library.allergyRule(l -> p.name(),
                    List.of(p.name()))));
        });
        Map<String, List<Finding>> stopping = stopping(patient, modalities, date,
                library.byCode(patient.organisationId(), codes).values(), names);
        return lots.stream().map(lot -> {
            ProductStore.Product product = byId.get(lot.productId());
            List<Finding> refusals = new ArrayList<>(stopping.getOrDefault(PRODUCT_KEY + lot.productId(), List.of()));
            if (product != null) {
                product.components().stream().map(ProductStore.Component::code).distinct()
                        .forEach(code -> refusals.addAll(stopping.getOrDefault(code, List.of())));
            }
            return new OfferedLot(lot, List.copyOf(refusals));
        }).toList();
    }

    /**
     * The findings that stop treatment, by the ingredient code (or extra key) whose rules gave them: one screening
     * per modality, each finding kept once.
     */
    private Map<String, List<Finding>> stopping(PatientView patient, Set<Modality> modalities, LocalDate date,
            Collection<IngredientStore.Ingredient> found, Map<String, JsonNode> extra) {
        FormulaRules ingredientRules = library.formulaRules(found);
        Map<String, JsonNode> rules = new TreeMap<>(ingredientRules.rulesByIngredient());
        rules.putAll(extra);
        FormulaRules all = new FormulaRules(ingredientRules.version(), rules);
        Map<String, List<Finding>> stopping = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Modality modality : modalities) {
            for (Finding f : screening.screen(patient.id(), modality, date, all).findings()) {
                int dot = f.ruleId().indexOf('.');
                if (dot > 0 && rules.containsKey(f.ruleId().substring(0, dot)) && stops(f, date) && seen.add(f.ruleId())) {
                    stopping.computeIfAbsent(f.ruleId().substring(0, dot), k -> new ArrayList<>()).add(f);
                }
            }
        }
        String jurisdiction = settings.of(patient.organisationId()).jurisdiction().name();
        for (IngredientStore.Ingredient i : found) {
            for (IngredientData.RegulatoryAlert a : i.data().alertsIn(jurisdiction)) {
                if (a.blocksActiveFormula()) {
                    stopping.computeIfAbsent(i.code(), k -> new ArrayList<>()).add(new Finding(i.code()
                            + ".REGULATORY_" + a.jurisdiction(), RuleClass.EXCLUDE, a.message(), a.source(), null, false));
                }
            }
        }
        return stopping;
    }

    private static boolean stops(Finding f, LocalDate date) {
        return f.ruleClass() == RuleClass.EXCLUDE
                || (f.ruleClass() == RuleClass.DEFER && (f.until() == null || f.until().isAfter(date)));
    }

    private static boolean anaesthetic(IngredientStore.Ingredient i) {
        return i.data().ingredientClass() == IngredientClass.ANAESTHETIC;
    }
}
