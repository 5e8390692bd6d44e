package org.follicle.billing.internal;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

import org.follicle.clinics.ClinicDirectory;
import org.follicle.clinics.ClinicView;
import org.follicle.security.AuditAction;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditRecord;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.StaleRecordException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who a clinic bills as: set by its manager before its first invoice. */
@Service
@Transactional
class Sellers {

    static final String SELLER = "billing-seller";

    private final SellerStore store;

    private final ClinicDirectory clinics;

    private final ClinicAccess access;

    private final AuditLog audit;

    private final Clock clock;

    Sellers(SellerStore store, ClinicDirectory clinics, ClinicAccess access, AuditLog audit, Clock clock) {
        this.store = store;
        this.clinics = clinics;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    Optional<Versioned> of(long clinicId) {
        clinics.requireClinic(clinicId, Privilege.BILLING_READ);
        return store.find(clinicId).map(seller -> new Versioned(seller, store.version(clinicId).orElseThrow()));
    }

    /**
     * Sets the clinic's seller details. The country and the series' prefixes are set once: issued invoices were
     * numbered and taxed under them.
     *
     * @param version {@code null} for the first time
     */
    Versioned save(long clinicId, Integer version, Seller seller) {
        ClinicView clinic = clinics.requireClinic(clinicId, Privilege.CLINIC_MANAGE);
        Optional<Seller> current = store.find(clinicId);
        if (current.isPresent()) {
            if (version == null) {
                throw new StaleRecordException(SELLER, clinicId);
            }
            Seller was = current.get();
            if (!was.country().equals(seller.country()) || !was.invoicePrefix().equals(seller.invoicePrefix())
                    || !Objects.equals(was.creditNotePrefix(), seller.creditNotePrefix())) {
                throw BusinessRuleException.onField("country", "billing.sellerFixed");
            }
        }
        else if (version != null) {
            throw new StaleRecordException(SELLER, clinicId);
        }
        if (seller.invoicePrefix().equals(seller.creditNotePrefix())) {
            throw BusinessRuleException.onField("creditNotePrefix", "billing.prefixesDiffer");
        }
        if (!store.save(clinic.organisationId(), clinicId, seller, version, clock.instant(),
                access.current().username())) {
            throw new StaleRecordException(SELLER, clinicId);
        }
        audit.record(AuditRecord.success(version == null ? AuditAction.CREATE : AuditAction.UPDATE, SELLER, clinicId,
                clinicId));
        return new Versioned(store.find(clinicId).orElseThrow(), store.version(clinicId).orElseThrow());
    }

    record Versioned(Seller seller, int version) {
    }
}
