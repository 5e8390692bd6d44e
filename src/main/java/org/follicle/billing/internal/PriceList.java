package org.follicle.billing.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.follicle.clinics.ClinicDirectory;
import org.follicle.clinics.ClinicView;
import org.follicle.formulary.RetailProduct;
import org.follicle.formulary.Stock;
import org.follicle.patients.PatientRegistry;
import org.follicle.patients.PatientView;
import org.follicle.scheduling.AppointmentBook;
import org.follicle.scheduling.AppointmentType;
import org.follicle.security.AuditAction;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditOutcome;
import org.follicle.security.AuditRecord;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.RecordNotFoundException;
import org.follicle.system.StaleRecordException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A clinic's price list and what a line sold from it becomes: its VAT category (the clinic's default, or for care
 * the practitioner's choice for the patient), and once issued, the course it opens or the stock it takes.
 */
@Service
@Transactional
class PriceList {

    static final String PRICE = "billing-price";

    static final String VAT_CHOICE = "billing-vat-choice";

    private final PriceStore store;

    private final CourseStore courses;

    private final SellerStore sellers;

    private final VatRates vat;

    private final ClinicDirectory clinics;

    private final AppointmentBook appointments;

    private final Stock stock;

    private final PatientRegistry patients;

    private final ClinicAccess access;

    private final AuditLog audit;

    private final MessageSource texts;

    private final Clock clock;

    PriceList(PriceStore store, CourseStore courses, SellerStore sellers, VatRates vat, ClinicDirectory clinics,
            AppointmentBook appointments, Stock stock, PatientRegistry patients, ClinicAccess access, AuditLog audit,
            MessageSource texts, Clock clock) {
        this.store = store;
        this.courses = courses;
        this.sellers = sellers;
        this.vat = vat;
        this.clinics = clinics;
        this.appointments = appointments;
        this.stock = stock;
        this.patients = patients;
        this.access = access;
        this.audit = audit;
        this.texts = texts;
        this.clock = clock;
    }

    /** The clinic's price list: every appointment type, the courses, the retail products. */
    @Transactional(readOnly = true)
    Listing of(long clinicId) {
        ClinicView clinic = clinics.requireClinic(clinicId, Privilege.BILLING_READ);
        List<Price> entries = store.ofClinic(clinic.id());
        Map<String, Price> byType = new HashMap<>();
        Map<Long, Price> byProduct = new HashMap<>();
        entries.forEach(p -> {
            if (p.kind() == Price.Kind.TREATMENT) {
                byType.put(p.appointmentType(), p);
            }
            else if (p.kind() == Price.Kind.PRODUCT) {
                byProduct.put(p.productId(), p);
            }
        });
        return new Listing(
                appointments.types(clinic.organisationId()).stream()
                        .map(type -> new Treatment(type, byType.get(type.code()))).toList(),
                entries.stream().filter(p -> p.kind() == Price.Kind.COURSE).toList(),
                stock.retailProducts(clinic.id()).stream()
                        .map(product -> new Product(product, byProduct.get(product.productId()))).toList());
    }

    /**
     * The VAT category the patient's care of a type is invoiced under: the practitioner's choice for the patient,
     * else the clinic's default for the treatment; empty when neither is set.
     */
    @Transactional(readOnly = true)
    Optional<String> careCategory(long clinicId, long patientId, String typeCode) {
        return store.vatChoice(clinicId, patientId).map(PriceStore.VatChoice::vatCategory)
                .or(() -> treatment(clinicId, typeCode).map(Price::vatCategory));
    }

    /** The courses the clinic sells now, for the chart's buttons; the caller shows the patient's billing. */
    @Transactional(readOnly = true)
    List<Price> coursesOnSale(long clinicId) {
        return store.ofClinic(clinicId).stream().filter(p -> p.kind() == Price.Kind.COURSE && p.active()).toList();
    }

    /** An entry by id, for a report that names what was sold; no access check. */
    @Transactional(readOnly = true)
    Optional<Price> entry(long priceId) {
        return store.find(priceId);
    }

    /** The clinic's entry for a treatment of the type, once its VAT category is set. */
    @Transactional(readOnly = true)
    Optional<Price> treatment(long clinicId, String typeCode) {
        return store.ofClinic(clinicId).stream()
                .filter(p -> p.kind() == Price.Kind.TREATMENT && p.appointmentType().equals(typeCode)).findFirst();
    }

    /** Sets the VAT category the clinic's treatment of a type is invoiced under, unless a practitioner chose. */
    void setTreatmentVat(long clinicId, String typeCode, String category) {
        ClinicView clinic = clinics.requireClinic(clinicId, Privilege.CLINIC_MANAGE);
        requireType(clinic, typeCode, false);
        setCategory(clinic, Price.Kind.TREATMENT, typeCode, null, category);
    }

    /** Sets the VAT category a retail product is sold under in the clinic. */
    void setProductVat(long clinicId, long productId, String category) {
        ClinicView clinic = clinics.requireClinic(clinicId, Privilege.CLINIC_MANAGE);
        if (stock.retailProducts(clinic.id()).stream().noneMatch(p -> p.productId() == productId)) {
            throw new RecordNotFoundException("product", productId);
        }
        setCategory(clinic, Price.Kind.PRODUCT, null, productId, category);
    }

    Price addCourse(long clinicId, CourseInput in) {
        ClinicView clinic = clinics.requireClinic(clinicId, Privilege.CLINIC_MANAGE);
        requireCourse(clinic, in);
        long id = store.insertCourse(clinic.organisationId(), clinic.id(), in, clock.instant(),
                access.current().username());
        audit.record(AuditRecord.success(AuditAction.CREATE, PRICE, id, clinic.id()));
        return store.find(id).orElseThrow();
    }

    /** Changes a course for the next sales (those sold keep what they were sold as), or withdraws it. */
    Price changeCourse(long id, int version, CourseInput in) {
        Price course = store.find(id).filter(p -> p.kind() == Price.Kind.COURSE)
                .orElseThrow(() -> new RecordNotFoundException(PRICE, id));
        ClinicView clinic = clinics.requireClinic(course.clinicId(), Privilege.CLINIC_MANAGE);
        requireCourse(clinic, in);
        if (!store.updateCourse(id, version, in, clock.instant(), access.current().username())) {
            throw new StaleRecordException(PRICE, id);
        }
        audit.record(AuditRecord.success(AuditAction.UPDATE, PRICE, id, clinic.id()));
        return store.find(id).orElseThrow();
    }

    /** What the practitioner chose for the patient's care in the patient's clinic, if anything. */
    @Transactional(readOnly = true)
    Optional<PriceStore.VatChoice> vatChoice(PatientView patient) {
        return store.vatChoice(patient.clinicId(), patient.id());
    }

    /**
     * A practitioner's choice of the VAT category of the patient's treatments and courses from now on (France
     * exempts care with a therapeutic purpose; cosmetic care is taxed), with the written reason; audited.
     */
    PriceStore.VatChoice chooseVat(long patientId, VatChoiceInput in) {
        PatientView patient = patients.openPatient(patientId, Privilege.CLINICAL_WRITE);
        vat.category(sellerOf(patient.clinicId()).country(), in.vatCategory(), "vatCategory");
        store.chooseVat(patient.organisationId(), patient.clinicId(), patient.id(), in.vatCategory(),
                in.reason().strip(), clock.instant(), access.current().username());
        audit.record(new AuditRecord(AuditAction.CREATE, VAT_CHOICE, String.valueOf(patient.id()), patient.clinicId(),
                AuditOutcome.SUCCESS, in.vatCategory()));
        return store.vatChoice(patient.clinicId(), patient.id()).orElseThrow();
    }

    /**
     * A line sold from the price list, completed from it: the description and price when left out, and always the
     * VAT category its rules give (the practitioner's choice for the patient's care, else the clinic's default).
     */
    Invoice.Line line(Seller seller, long clinicId, Long patientId, int position, Invoices.LineInput in) {
        String field = "lines[" + (position - 1) + "].";
        Price price = store.find(in.priceId()).filter(p -> p.clinicId() == clinicId && p.active())
                .orElseThrow(() -> BusinessRuleException.onField(field + "priceId", "billing.priceUnknown"));
        if (price.kind() == Price.Kind.COURSE && patientId == null) {
            throw BusinessRuleException.onField(field + "priceId", "billing.coursePatient");
        }
        if (price.kind() == Price.Kind.COURSE && in.quantity().compareTo(BigDecimal.ONE) != 0) {
            throw BusinessRuleException.onField(field + "quantity", "billing.courseOne");
        }
        if (price.kind() == Price.Kind.PRODUCT && in.quantity().stripTrailingZeros().scale() > 0) {
            throw BusinessRuleException.onField(field + "quantity", "billing.wholeUnits");
        }
        // A product's name and price come from one read of the clinic's retail stock.
        RetailProduct product = price.kind() == Price.Kind.PRODUCT ? retail(price) : null;
        BigDecimal unitPrice = in.unitPrice() != null ? in.unitPrice()
                : product != null ? product.retailPrice() : listed(price);
        if (unitPrice == null) {
            throw BusinessRuleException.onField(field + "unitPrice", "billing.priceMissing");
        }
        String category = price.isCare() && patientId != null
                ? store.vatChoice(clinicId, patientId).map(PriceStore.VatChoice::vatCategory).orElse(price.vatCategory())
                : price.vatCategory();
        VatRates.Category rate = vat.category(seller.country(), category, field + "vatCategory");
        String description = in.description() != null && !in.description().isBlank() ? in.description().strip()
                : product != null ? product.name() : label(price, documentLanguage(patientId));
        return new Invoice.Line(position, description, in.quantity(), unitPrice, category, rate.rate(),
                rate.exemption(), price.id());
    }

    /**
     * What an issued invoice's lines sold from the price list do: a course opens for the patient, a product leaves
     * the clinic's stock first expiry first (the whole issue is refused when the stock is short).
     */
    void fulfil(Invoice issued) {
        java.time.LocalDate today = clinics.find(issued.clinicId()).orElseThrow().today(clock);
        for (Invoice.Line line : issued.lines()) {
            if (line.priceId() == null) {
                continue;
            }
            Price price = store.find(line.priceId()).orElseThrow();
            if (price.kind() == Price.Kind.COURSE) {
                long course = courses.open(issued, line, price, today.plusDays(price.validityDays()));
                audit.record(AuditRecord.success(AuditAction.CREATE, Courses.COURSE, course, issued.clinicId()));
            }
            else if (price.kind() == Price.Kind.PRODUCT) {
                stock.sell(issued.clinicId(), price.productId(), line.quantity().intValueExact(), issued.patientId(),
                        "invoice-" + issued.id() + "-" + line.position());
            }
        }
    }

    /** How an entry of the price list reads, on an invoice or a report. */
    @Transactional(readOnly = true)
    String label(Price price, Locale locale) {
        return switch (price.kind()) {
            case COURSE -> price.name();
            case TREATMENT -> texts.getMessage("appointment.type." + price.appointmentType(), null,
                    price.appointmentType(), locale);
            case PRODUCT -> retail(price).name();
        };
    }

    /** The retail product an entry sells, as the clinic holds it; refused when it is no longer sold. */
    private RetailProduct retail(Price price) {
        return stock.retailProducts(price.clinicId()).stream().filter(p -> p.productId() == price.productId())
                .findFirst().orElseThrow(() -> new BusinessRuleException("billing.priceUnknown"));
    }

    /** The language a document for the patient is written in: the patient's, else the user's. */
    Locale documentLanguage(Long patientId) {
        String language = patientId == null ? null : patients.readablePatient(patientId).preferredLanguage();
        return language == null ? LocaleContextHolder.getLocale() : Locale.forLanguageTag(language);
    }

    /** The price the list gives: a course's own, a treatment's appointment type's, a product's retail price. */
    private BigDecimal listed(Price price) {
        ClinicView clinic = clinics.find(price.clinicId()).orElseThrow();
        return switch (price.kind()) {
            case COURSE -> price.unitPrice();
            case TREATMENT -> appointments.types(clinic.organisationId()).stream()
                    .filter(type -> type.code().equals(price.appointmentType())).findFirst()
                    .map(AppointmentType::price).orElse(null);
            case PRODUCT -> retail(price).retailPrice();
        };
    }

    private void setCategory(ClinicView clinic, Price.Kind kind, String typeCode, Long productId, String category) {
        if (category == null || category.isBlank()) {
            throw BusinessRuleException.onField("vatCategory", "billing.vatCategoryMissing");
        }
        vat.category(sellerOf(clinic.id()).country(), category, "vatCategory");
        store.setCategory(clinic.organisationId(), clinic.id(), kind, typeCode, productId, category, clock.instant(),
                access.current().username());
        audit.record(new AuditRecord(AuditAction.UPDATE, PRICE, kind == Price.Kind.TREATMENT ? typeCode
                : String.valueOf(productId), clinic.id(), AuditOutcome.SUCCESS, category));
    }

    private void requireCourse(ClinicView clinic, CourseInput in) {
        requireType(clinic, in.appointmentType(), true);
        vat.category(sellerOf(clinic.id()).country(), in.vatCategory(), "vatCategory");
    }

    private void requireType(ClinicView clinic, String code, boolean treatment) {
        if (appointments.types(clinic.organisationId()).stream()
                .noneMatch(type -> type.code().equals(code) && (type.treatment() || !treatment))) {
            throw BusinessRuleException.onField("appointmentType", "billing.typeUnknown", code);
        }
    }

    private Seller sellerOf(long clinicId) {
        return sellers.find(clinicId).orElseThrow(() -> new BusinessRuleException("billing.noSeller"));
    }

    record Listing(List<Treatment> treatments, List<Price> courses, List<Product> products) {
    }

    /** @param price its entry, {@code null} until the clinic sets its VAT category */
    record Treatment(AppointmentType type, Price price) {
    }

    /** @param price its entry, {@code null} until the clinic sets its VAT category */
    record Product(RetailProduct product, Price price) {
    }

    /**
     * @param validityDays how long after the sale its sessions may be used
     * @param unitPrice the course's net price
     * @param active {@code false} withdraws it from sale; sold when left out
     */
    record CourseInput(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 40) String appointmentType,
            @NotNull @Min(2) @Max(30) Integer sessions, @NotNull @Min(30) @Max(1100) Integer validityDays,
            @NotNull @PositiveOrZero @DecimalMax("999999.99") @Digits(integer = 6, fraction = 2) BigDecimal unitPrice,
            @NotBlank @Size(max = 20) String vatCategory, Boolean active) {

        boolean sold() {
            return active == null || active;
        }
    }

    record VatChoiceInput(@NotBlank @Size(max = 20) String vatCategory, @NotBlank @Size(max = 2000) String reason) {
    }
}
