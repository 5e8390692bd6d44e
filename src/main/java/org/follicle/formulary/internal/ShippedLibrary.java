package org.follicle.formulary.internal;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the shipped ingredients and templates in the database in step with the knowledge files at every start
 * (before demo data): a changed ingredient gets a new revision; an organisation's own versions are left alone.
 * Instances starting together take turns on an advisory lock.
 */
@Component
@Order(0)
class ShippedLibrary implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ShippedLibrary.class);

    private static final long LOCK = 0x466f726d756cL;

    private final FormularyKnowledge knowledge;

    private final IngredientStore ingredients;

    private final FormulaStore formulas;

    private final JdbcClient jdbc;

    private final TransactionTemplate transactions;

    private final Clock clock;

    ShippedLibrary(FormularyKnowledge knowledge, IngredientStore ingredients, FormulaStore formulas, JdbcClient jdbc,
            TransactionTemplate transactions, Clock clock) {
        this.knowledge = knowledge;
        this.ingredients = ingredients;
        this.formulas = formulas;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        transactions.executeWithoutResult(status -> sync());
    }

    void sync() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", LOCK).query(Object.class).single();
        String by = "knowledge-base " + knowledge.version();
        int changed = 0;
        var library = ingredients.shipped();
        for (IngredientData data : knowledge.ingredients()) {
            IngredientStore.Ingredient shipped = library.get(data.code());
            if (shipped == null) {
                ingredients.insert(null, data, 1, "Shipped with the library", by, clock.instant());
                changed++;
            }
            else if (!shipped.data().equals(data)) {
                ingredients.update(shipped.id(), null, shipped.version(), data, "Library update", by,
                        clock.instant());
                changed++;
            }
        }
        for (FormularyKnowledge.Template t : knowledge.templates()) {
            if (formulas.shippedTemplate(t.code()).isEmpty()) {
                formulas.insert(null, null, null, t.code(), null, t.formula(), t.source(), by, clock.instant());
                changed++;
            }
        }
        if (changed > 0) {
            log.info("Formulary library {}: {} ingredients or templates added or updated", knowledge.version(),
                    changed);
        }
    }
}
