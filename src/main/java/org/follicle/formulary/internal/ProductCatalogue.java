package org.follicle.formulary.internal;

import java.time.Clock;
import java.util.List;

import org.follicle.security.AuditAction;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditRecord;
import org.follicle.security.ClinicAccess;
import org.follicle.security.CurrentStaff;
import org.follicle.security.Privilege;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.RecordNotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The product catalogue: every staff member reads it; stock managers add products. Audited. */
@Service
@Transactional
class ProductCatalogue {

    static final String PRODUCT = "product";

    private final ProductStore products;

    private final IngredientLibrary library;

    private final ClinicAccess access;

    private final AuditLog audit;

    private final Clock clock;

    ProductCatalogue(ProductStore products, IngredientLibrary library, ClinicAccess access, AuditLog audit, Clock clock) {
        this.products = products;
        this.library = library;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<ProductStore.Product> list() {
        return products.all(access.current().organisationId());
    }

    @Transactional(readOnly = true)
    ProductStore.Product get(long id) {
        return products.find(access.current().organisationId(), id)
                .orElseThrow(() -> new RecordNotFoundException(PRODUCT, id));
    }

    ProductStore.Product add(ProductStore.Input input) {
        if (access.clinicsWith(Privilege.STOCK_MANAGE).isEmpty()) {
            throw new AccessDeniedException("no clinic to manage stock in");
        }
        CurrentStaff me = access.current();
        if (products.skuTaken(me.organisationId(), input.sku().trim())) {
            throw BusinessRuleException.onField("sku", "product.skuTaken", input.sku().trim());
        }
        if (input.components() != null) {
            library.byCode(me.organisationId(), input.components().stream().map(ProductStore.Component::code).toList());
        }
        long id = products.insert(me.organisationId(), input, me.username(), clock.instant());
        audit.record(AuditRecord.success(AuditAction.CREATE, PRODUCT, id, null));
        return get(id);
    }
}
