package org.follicle.formulary.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.follicle.clinics.ClinicDirectory;
import org.follicle.clinics.ClinicView;
import org.follicle.formulary.LotSuggestion;
import org.follicle.formulary.Preparation;
import org.follicle.formulary.PreparationRequest;
import org.follicle.formulary.RetailProduct;
import org.follicle.formulary.Stock;
import org.follicle.formulary.UsableLot;
import org.follicle.patients.PatientRegistry;
import org.follicle.patients.PatientView;
import org.follicle.security.AuditAction;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditOutcome;
import org.follicle.security.AuditRecord;
import org.follicle.security.ClinicAccess;
import org.follicle.security.CurrentStaff;
import org.follicle.security.Privilege;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.RecordNotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receiving, moving and using stock, and tracing lots to patients. Every movement is a ledger row written with the
 * stock change in one transaction; a lot is usable through its expiry date in the clinic's time zone. A lot is
 * seen by the staff of the clinics that hold or held it; patients in a recall list only by those who may read them.
 */
@Service
@Transactional
class StockService implements Stock {

    static final String LOT = "lot";

    static final String PREPARATION = "preparation";

    private final StockStore ledger;

    private final ProductStore products;

    private final ClinicDirectory clinics;

    private final PatientRegistry patients;

    private final ClinicAccess access;

    private final AuditLog audit;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    StockService(StockStore ledger, ProductStore products, ClinicDirectory clinics, PatientRegistry patients,
            ClinicAccess access, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.ledger = ledger;
        this.products = products;
        this.clinics = clinics;
        this.patients = patients;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** Receives a new lot into a clinic: the lot, its stock and the ledger row. */
    StockStore.Lot receive(StockInputs.Receipt receipt) {
        ClinicView clinic = clinicWith(receipt.clinicId(), Privilege.STOCK_MANAGE);
        ProductStore.Product product = products.find(clinic.organisationId(), receipt.productId())
                .orElseThrow(() -> BusinessRuleException.onField("productId", "product.unknown"));
        if (receipt.expiry().isBefore(today(clinic))) {
            throw BusinessRuleException.onField("expiry", "lot.expiryPast", receipt.expiry());
        }
        String number = receipt.lotNumber().trim();
        ledger.findLot(product.id(), number).ifPresent(existing -> {
            throw BusinessRuleException.onField("lotNumber", "lot.duplicate", number, product.name(),
                    existing.receivedAt().atZone(clinic.zone()).toLocalDate());
        });
        CurrentStaff me = access.current();
        long lotId = ledger.insertLot(clinic.organisationId(), product.id(), number, receipt.expiry(),
                blank(receipt.supplierReference()), me.username(), clock.instant());
        int balance = ledger.increase(clinic.organisationId(), lotId, clinic.id(), receipt.quantity());
        ledger.movement(clinic.organisationId(), clinic.id(), lotId, StockStore.MovementKind.RECEIVED,
                receipt.quantity(), balance, blank(receipt.supplierReference()), null, null, me.username(),
                clock.instant());
        audit.record(AuditRecord.success(AuditAction.CREATE, LOT, lotId, clinic.id()));
        return ledger.findLot(clinic.organisationId(), lotId).orElseThrow();
    }

    /** Receives more units of a lot already known (a second delivery of the same lot). */
    StockStore.Movement receiveMore(long lotId, StockInputs.MoreOfLot more) {
        ClinicView clinic = clinicWith(more.clinicId(), Privilege.STOCK_MANAGE);
        StockStore.Lot lot = visibleLot(lotId);
        if (lot.organisationId() != clinic.organisationId()) {
            throw new RecordNotFoundException(LOT, lotId);
        }
        if (lot.expiredOn(today(clinic))) {
            throw new BusinessRuleException("lot.expired", lot.lotNumber(), lot.expiry());
        }
        int balance = ledger.increase(clinic.organisationId(), lotId, clinic.id(), more.quantity());
        return record(clinic, lot, StockStore.MovementKind.RECEIVED, more.quantity(), balance,
                blank(more.supplierReference()), null, null);
    }

    /** A sale, waste, count adjustment or transfer; refuses what would take stock below zero. */
    List<StockStore.Movement> move(StockInputs.Movement m) {
        ClinicView clinic = clinicWith(m.clinicId(), Privilege.STOCK_MANAGE);
        StockStore.Lot lot = visibleLot(m.lotId());
        String reason = blank(m.reason());
        int quantity = m.quantity();
        if (m.kind() == StockInputs.Kind.ADJUSTED ? quantity == 0 : quantity <= 0) {
            throw BusinessRuleException.onField("quantity", m.kind() == StockInputs.Kind.ADJUSTED
                    ? "stock.adjustmentZero" : "stock.quantityPositive");
        }
        if ((m.kind() == StockInputs.Kind.WASTED || m.kind() == StockInputs.Kind.ADJUSTED)
                && (reason == null || reason.length() < 3)) {
            throw BusinessRuleException.onField("reason", "stock.reasonRequired");
        }
        if ((m.kind() == StockInputs.Kind.SOLD || m.kind() == StockInputs.Kind.TRANSFER)
                && lot.expiredOn(today(clinic))) {
            throw BusinessRuleException.onField("lotId", "lot.expired", lot.lotNumber(), lot.expiry());
        }
        if ((m.kind() == StockInputs.Kind.SOLD || m.kind() == StockInputs.Kind.TRANSFER) && lot.quarantined()) {
            throw BusinessRuleException.onField("lotId", "lot.quarantined", lot.lotNumber(), lot.quarantineReason());
        }
        return switch (m.kind()) {
            case SOLD -> List.of(take(clinic, lot, StockStore.MovementKind.SOLD, quantity, reason, null, null));
            case WASTED -> List.of(take(clinic, lot, StockStore.MovementKind.WASTED, quantity, reason, null, null));
            case ADJUSTED -> List.of(quantity < 0
                    ? take(clinic, lot, StockStore.MovementKind.ADJUSTED, -quantity, reason, null, null)
                    : record(clinic, lot, StockStore.MovementKind.ADJUSTED, quantity,
                            ledger.increase(clinic.organisationId(), lot.id(), clinic.id(), quantity), reason, null,
                            null));
            case TRANSFER -> transfer(clinic, lot, quantity, reason, m.toClinicId());
        };
    }

    private List<StockStore.Movement> transfer(ClinicView from, StockStore.Lot lot, int quantity, String reason,
            Long toClinicId) {
        ClinicView to = toClinicId == null ? null : clinics.find(toClinicId)
                .filter(c -> c.organisationId() == from.organisationId()).orElse(null);
        if (to == null || to.id() == from.id()) {
            throw BusinessRuleException.onField("toClinicId", "stock.transferClinicInvalid");
        }
        // Stock arrives in the other clinic's ledger, and the reply shows its balance: both clinics' rights.
        if (!access.can(Privilege.STOCK_MANAGE, to.id())) {
            throw BusinessRuleException.onField("toClinicId", "stock.transferNeedsBothClinics");
        }
        StockStore.Movement out = take(from, lot, StockStore.MovementKind.TRANSFER_OUT, quantity, reason, null,
                to.id());
        int balance = ledger.increase(to.organisationId(), lot.id(), to.id(), quantity);
        return List.of(out, record(to, lot, StockStore.MovementKind.TRANSFER_IN, quantity, balance, reason, null,
                from.id()));
    }

    /**
     * Uses lots for a preparation given to patients. Sent again with the same request key, it returns what was
     * recorded the first time and uses nothing. Lots are taken in id order, so that two preparations sharing lots
     * cannot deadlock; any shortage or expired lot refuses the whole preparation.
     */
    @Override
    public Preparation prepare(PreparationRequest request) {
        ClinicView clinic = clinicWith(request.clinicId(), Privilege.CLINICAL_WRITE);
        CurrentStaff me = access.current();
        Optional<Long> created = ledger.insertPreparation(clinic.organisationId(), clinic.id(), request.formulaId(),
                request.requestKey(), me.username(), clock.instant());
        if (created.isEmpty()) {
            long existing = ledger.preparationByKey(clinic.organisationId(), request.requestKey()).orElseThrow();
            return recorded(existing, clinic.id());
        }
        long preparationId = created.get();
        List<PatientView> recipients = new ArrayList<>();
        for (PreparationRequest.Recipient r : request.recipients()) {
            PatientView patient = patients.readablePatient(r.patientId());
            if (patient.voided()) {
                throw new BusinessRuleException("patient.voidedReadOnly");
            }
            recipients.add(patient);
        }
        LocalDate today = today(clinic);
        List<PreparationRequest.LotQuantity> lots = new ArrayList<>(request.lots());
        lots.sort(Comparator.comparing(PreparationRequest.LotQuantity::lotId));
        Map<Long, StockStore.Lot> found = new HashMap<>();
        for (PreparationRequest.LotQuantity l : lots) {
            if (found.containsKey(l.lotId())) {
                throw BusinessRuleException.onField("lots", "stock.lotTwice");
            }
            StockStore.Lot lot = ledger.findLot(clinic.organisationId(), l.lotId())
                    .orElseThrow(() -> BusinessRuleException.onField("lots", "lot.unknown", l.lotId()));
            if (lot.quarantined()) {
                throw BusinessRuleException.onField("lots", "lot.quarantined", lot.lotNumber(), lot.quarantineReason());
            }
            if (lot.expiredOn(today)) {
                throw BusinessRuleException.onField("lots", "lot.expired", lot.lotNumber(), lot.expiry());
            }
            found.put(l.lotId(), lot);
        }
        for (int i = 0; i < recipients.size(); i++) {
            ledger.administration(clinic.organisationId(), clinic.id(), preparationId, recipients.get(i).id(),
                    blank(request.recipients().get(i).sessionRef()), me.username(), clock.instant());
            audit.record(new AuditRecord(AuditAction.CREATE, PREPARATION, String.valueOf(preparationId),
                    recipients.get(i).clinicId(), AuditOutcome.SUCCESS, "patient " + recipients.get(i).id()));
        }
        // The stock last, in lot order: a decrement locks the lot's stock row until the commit, and every other
        // preparation of that lot in the clinic waits for it; the less work after it, the shorter the queue.
        for (PreparationRequest.LotQuantity l : lots) {
            take(clinic, found.get(l.lotId()), StockStore.MovementKind.USED, l.quantity(), null, preparationId,
                    null);
        }
        // What was just written, without reading it back: nothing more while the stock rows are locked.
        return new Preparation(preparationId, clinic.id(), false, lots.stream().map(l -> {
            StockStore.Lot lot = found.get(l.lotId());
            return new Preparation.UsedLot(lot.id(), lot.lotNumber(), lot.productName(), l.quantity());
        }).toList(), recipients.stream().map(PatientView::id).toList());
    }

    @Transactional(readOnly = true)
    @Override
    public List<RetailProduct> retailProducts(long clinicId) {
        ClinicView clinic = clinicWith(clinicId, Privilege.CLINIC_READ);
        Map<Long, Integer> held = new HashMap<>();
        ledger.stock(List.of(clinic.id()), null, today(clinic))
                .forEach(s -> held.merge(s.lot().productId(), s.quantity(), Integer::sum));
        return products.all(clinic.organisationId()).stream()
                .filter(p -> p.active() && p.purpose() == ProductStore.Purpose.RETAIL && p.retailPrice() != null)
                .map(p -> new RetailProduct(p.id(), p.sku(), p.name(), p.retailPrice(), p.currency(),
                        held.getOrDefault(p.id(), 0)))
                .toList();
    }

    /**
     * A sale is recorded as a preparation without a formula, given to the buyer: the one path by which a lot reaches
     * a patient, so that its recall finds everyone who had some.
     */
    @Override
    public List<LotSuggestion> sell(long clinicId, long productId, int quantity, Long patientId, String saleKey) {
        ClinicView clinic = clinicWith(clinicId, Privilege.BILLING_WRITE);
        CurrentStaff me = access.current();
        Optional<Long> created = ledger.insertPreparation(clinic.organisationId(), clinic.id(), null, saleKey,
                me.username(), clock.instant());
        if (created.isEmpty()) {
            long existing = ledger.preparationByKey(clinic.organisationId(), saleKey).orElseThrow();
            return ledger.preparationLots(existing).stream()
                    .map(l -> new LotSuggestion(l.lotId(), l.lotNumber(), null, l.quantity(), l.quantity())).toList();
        }
        long saleId = created.get();
        if (patientId != null) {
            ledger.administration(clinic.organisationId(), clinic.id(), saleId, patientId, saleKey, me.username(),
                    clock.instant());
        }
        List<LotSuggestion> taken = new ArrayList<>();
        int left = quantity;
        for (StockStore.LotStock s : ledger.stock(List.of(clinic.id()), productId, today(clinic))) {
            if (left == 0) {
                break;
            }
            int take = Math.min(left, s.quantity());
            take(clinic, s.lot(), StockStore.MovementKind.SOLD, take, null, saleId, null);
            taken.add(new LotSuggestion(s.lot().id(), s.lot().lotNumber(), s.lot().expiry(), take, s.quantity()));
            left -= take;
        }
        if (left > 0) {
            String name = products.find(clinic.organisationId(), productId).map(ProductStore.Product::name)
                    .orElseThrow(() -> new RecordNotFoundException("product", productId));
            throw BusinessRuleException.onField("lines", "stock.tooFewToSell", name, quantity - left, quantity);
        }
        audit.record(new AuditRecord(AuditAction.CREATE, "sale", String.valueOf(saleId), clinic.id(),
                AuditOutcome.SUCCESS, quantity + " of product " + productId
                        + (patientId == null ? "" : " to patient " + patientId)));
        return taken;
    }

    /** A preparation recorded by an earlier request with the same key. */
    private Preparation recorded(long id, long clinicId) {
        return new Preparation(id, clinicId, true, ledger.preparationLots(id).stream()
                .map(l -> new Preparation.UsedLot(l.lotId(), l.lotNumber(), l.productName(), l.quantity())).toList(),
                ledger.preparationPatients(id));
    }

    /** First expiry first: the lots of a product to take in a clinic to cover a quantity, expired ones left out. */
    @Transactional(readOnly = true)
    @Override
    public List<LotSuggestion> suggest(long clinicId, long productId, int quantity) {
        ClinicView clinic = clinicWith(clinicId, Privilege.CLINIC_READ);
        List<LotSuggestion> suggestion = new ArrayList<>();
        int left = quantity;
        for (StockStore.LotStock s : ledger.stock(List.of(clinic.id()), productId, today(clinic))) {
            if (left <= 0) {
                break;
            }
            int take = Math.min(left, s.quantity());
            suggestion.add(new LotSuggestion(s.lot().id(), s.lot().lotNumber(), s.lot().expiry(), take, s.quantity()));
            left -= take;
        }
        return suggestion;
    }

    /** The lots in stock in the user's clinics (or one of them), first expiry first. */
    @Transactional(readOnly = true)
    List<StockStore.LotStock> stock(Long clinicId, Long productId, boolean usableOnly) {
        List<Long> visible = clinicId != null ? List.of(clinicWith(clinicId, Privilege.CLINIC_READ).id())
                : List.copyOf(access.clinicsWith(Privilege.CLINIC_READ));
        LocalDate usable = usableOnly && !visible.isEmpty() ? today(clinics.find(visible.get(0)).orElseThrow()) : null;
        return ledger.stock(visible, productId, usable);
    }

    /** The products to reorder in a clinic, those at zero included. */
    @Transactional(readOnly = true)
    List<StockStore.ToReorder> toReorder(long clinicId) {
        ClinicView clinic = clinicWith(clinicId, Privilege.CLINIC_READ);
        return ledger.productsBelowReorderLevel(clinic.organisationId(), clinic.id(), today(clinic));
    }

    @Transactional(readOnly = true)
    StockStore.Lot lot(long lotId) {
        return visibleLot(lotId);
    }

    /** A lot's stock in the user's clinics. */
    @Transactional(readOnly = true)
    List<StockStore.LotStock> stockOfLot(long lotId) {
        visibleLot(lotId);
        Set<Long> mine = access.clinicsWith(Privilege.CLINIC_READ);
        return ledger.stockOfLot(lotId).stream().filter(s -> mine.contains(s.clinicId())).toList();
    }

    /** The ledger of the user's clinics (or one), optionally of one lot, newest first. */
    @Transactional(readOnly = true)
    Page<StockStore.Movement> movements(Long clinicId, Long lotId, int page, int size) {
        CurrentStaff me = access.current();
        if (lotId != null) {
            visibleLot(lotId);
        }
        if (clinicId != null) {
            clinicWith(clinicId, Privilege.CLINIC_READ);
        }
        Set<Long> mine = access.clinicsWith(Privilege.CLINIC_READ);
        List<StockStore.Movement> rows = ledger.movements(me.organisationId(), clinicId, lotId, size,
                (long) page * size).stream().filter(m -> mine.contains(m.clinicId())).toList();
        return new Page<>(rows, ledger.countMovements(me.organisationId(), clinicId, lotId));
    }

    /**
     * Everyone who received a lot, directly or mixed with other lots, that the user may read; the others are
     * counted, not shown. Audited (as an export when {@code export}).
     */
    @Transactional(readOnly = true)
    Recall recipients(long lotId, boolean export) {
        StockStore.Lot lot = visibleLot(lotId);
        if (access.clinicsWith(Privilege.PATIENT_READ).isEmpty()) {
            throw new org.springframework.security.access.AccessDeniedException("no patients to read");
        }
        List<StockStore.Receipt> receipts = ledger.recipients(lotId);
        Map<Long, PatientView> readable = patients.readablePatients(
                receipts.stream().map(StockStore.Receipt::patientId).distinct().toList());
        List<Recall.Line> lines = receipts.stream().filter(r -> readable.containsKey(r.patientId()))
                .map(r -> new Recall.Line(readable.get(r.patientId()), r)).toList();
        audit.record(new AuditRecord(export ? AuditAction.EXPORT : AuditAction.READ, "lot-recipients",
                String.valueOf(lotId), null, AuditOutcome.SUCCESS, lines.size() + " recipients"));
        List<Recall.Contact> contacts = ledger.contacts(lotId).stream().filter(c -> readable.containsKey(c.patientId()))
                .map(c -> new Recall.Contact(readable.get(c.patientId()), c)).toList();
        return new Recall(lot, lines, contacts, (int) receipts.stream()
                .filter(r -> !readable.containsKey(r.patientId())).map(StockStore.Receipt::patientId).distinct()
                .count());
    }

    /**
     * Recalls a lot (a clinic administrator where the lot is or was): it is quarantined at once, never offered or
     * used again; each patient who received it gets a contact to make, and the recall email through the outbox
     * ({@link org.follicle.formulary.LotRecalled}). Audited with the reason.
     */
    Recall recall(long lotId, String reason) {
        StockStore.Lot lot = visibleLot(lotId);
        String why = reason == null ? "" : reason.trim();
        if (why.length() < 10 || why.length() > 500) {
            throw BusinessRuleException.onField("reason", "recall.reasonRequired", 10);
        }
        if (ledger.clinicsOfLot(lotId).stream().noneMatch(c -> access.can(Privilege.CLINIC_MANAGE, c))) {
            throw new org.springframework.security.access.AccessDeniedException("not an administrator of the lot");
        }
        CurrentStaff me = access.current();
        if (!ledger.quarantine(lotId, why, me.username(), clock.instant())) {
            throw new BusinessRuleException("recall.already", lot.lotNumber());
        }
        List<StockStore.RecallContact> contacts = ledger.addContacts(me.organisationId(), lotId);
        audit.record(new AuditRecord(AuditAction.UPDATE, LOT, String.valueOf(lotId), null, AuditOutcome.SUCCESS,
                "recalled, " + contacts.size() + " patients to reach: " + why));
        events.publishEvent(new org.follicle.formulary.LotRecalled(me.organisationId(), lotId, lot.productName(),
                lot.lotNumber(), why, contacts.stream().map(c -> new org.follicle.formulary.LotRecalled.Recipient(
                        c.patientId(), c.clinicId())).toList()));
        return recipients(lotId, false);
    }

    /** Records that a patient who received a recalled lot was reached (by phone, in person), audited. */
    void reached(long lotId, long patientId, String note) {
        visibleLot(lotId);
        PatientView patient = patients.writablePatient(patientId, Privilege.PATIENT_WRITE);
        String text = note == null || note.isBlank() ? null : note.trim();
        if (text != null && text.length() > 500) {
            throw BusinessRuleException.onField("note", "recall.noteTooLong", 500);
        }
        if (!ledger.reached(lotId, patientId, text, access.current().username(), clock.instant())) {
            throw new BusinessRuleException("recall.notToReach");
        }
        audit.record(new AuditRecord(AuditAction.UPDATE, "lot-recipients", String.valueOf(lotId), patient.clinicId(),
                AuditOutcome.SUCCESS, "patient " + patientId + " reached"));
    }

    /** Notes which recipients the recall email went to (the outbox queued it in the same transaction). */
    @Override
    public void recallEmailed(long lotId, java.util.Collection<Long> patientIds) {
        ledger.markEmailed(lotId, patientIds);
    }

    /** Every lot a patient received. */
    @Transactional(readOnly = true)
    @org.follicle.security.Audited(action = AuditAction.READ, recordType = "patient-lots", recordId = "#patientId")
    List<StockStore.Receipt> lotsOfPatient(long patientId) {
        patients.readablePatient(patientId);
        return ledger.lotsOfPatient(patientId);
    }

    /** For the chart, whose opening is audited as a whole. */
    List<StockStore.Receipt> lotsOfPatientForChart(long patientId) {
        return ledger.lotsOfPatient(patientId);
    }

    LocalDate today(long clinicId) {
        return today(clinics.find(clinicId).orElseThrow());
    }

    private StockStore.Movement take(ClinicView clinic, StockStore.Lot lot, StockStore.MovementKind kind,
            int quantity, String reason, Long preparationId, Long otherClinicId) {
        OptionalInt balance = ledger.decrease(lot.id(), clinic.id(), quantity);
        if (balance.isEmpty()) {
            throw BusinessRuleException.onField("quantity", "stock.insufficient", lot.lotNumber(),
                    ledger.quantity(lot.id(), clinic.id()), quantity);
        }
        return record(clinic, lot, kind, -quantity, balance.getAsInt(), reason, preparationId, otherClinicId);
    }

    private StockStore.Movement record(ClinicView clinic, StockStore.Lot lot, StockStore.MovementKind kind,
            int quantity, int balance, String reason, Long preparationId, Long otherClinicId) {
        CurrentStaff me = access.current();
        long id = ledger.movement(clinic.organisationId(), clinic.id(), lot.id(), kind, quantity, balance, reason,
                preparationId, otherClinicId, me.username(), clock.instant());
        if (preparationId == null) {
            audit.record(new AuditRecord(AuditAction.CREATE, "stock-movement", String.valueOf(id), clinic.id(),
                    AuditOutcome.SUCCESS, kind + " " + quantity + " of lot " + lot.id()));
        }
        return new StockStore.Movement(id, clinic.id(), lot.id(), lot.lotNumber(), lot.productName(), kind,
                quantity, balance, reason, preparationId, otherClinicId, clock.instant(), me.username());
    }

    /** A lot of the user's organisation held (now or before) by one of the user's clinics; missing otherwise. */
    private StockStore.Lot visibleLot(long lotId) {
        CurrentStaff me = access.current();
        StockStore.Lot lot = ledger.findLot(me.organisationId(), lotId)
                .orElseThrow(() -> new RecordNotFoundException(LOT, lotId));
        Set<Long> mine = access.clinicsWith(Privilege.CLINIC_READ);
        if (ledger.clinicsOfLot(lotId).stream().noneMatch(mine::contains)) {
            throw new RecordNotFoundException(LOT, lotId);
        }
        return lot;
    }

    /** A clinic's usable lots, first expiry first, each with what is in stock. */
    @Transactional(readOnly = true)
    @Override
    public List<org.follicle.formulary.UsableLot> usableLots(long clinicId) {
        return stock(clinicId, null, true).stream().filter(s -> s.quantity() > 0)
                .map(s -> new org.follicle.formulary.UsableLot(s.lot().id(), s.lot().productId(), s.lot().productName(),
                        s.lot().lotNumber(), s.lot().expiry(), s.quantity()))
                .toList();
    }

    /**
     * Lots by id as a session names them, in that order: with the clinic's usable quantity, or 0 when expired or
     * not in the clinic. Refuses a lot of another organisation as unknown.
     */
    @Transactional(readOnly = true)
    @Override
    public List<org.follicle.formulary.UsableLot> lots(long clinicId, java.util.Collection<Long> lotIds) {
        ClinicView clinic = clinicWith(clinicId, Privilege.CLINIC_READ);
        Map<Long, org.follicle.formulary.UsableLot> usable = new HashMap<>();
        usableLots(clinicId).forEach(l -> usable.put(l.lotId(), l));
        return new java.util.LinkedHashSet<>(lotIds).stream().map(id -> usable.computeIfAbsent(id,
                k -> ledger.findLot(clinic.organisationId(), k).map(l -> new org.follicle.formulary.UsableLot(l.id(),
                        l.productId(), l.productName(), l.lotNumber(), l.expiry(), 0))
                        .orElseThrow(() -> new RecordNotFoundException(LOT, k)))).toList();
    }

    /**
     * For a formula: the first-expiring usable lot of each product that carries one of its ingredients, one unit
     * each, as the session's starting point.
     */
    @Transactional(readOnly = true)
    @Override
    public List<org.follicle.formulary.UsableLot> suggestForFormula(long clinicId, long formulaId) {
        java.util.Set<Long> products = new java.util.HashSet<>(ledger.productsForFormula(formulaId));
        java.util.Set<Long> taken = new java.util.HashSet<>();
        return usableLots(clinicId).stream().filter(l -> products.contains(l.productId()) && taken.add(l.productId()))
                .toList();
    }

    /** The lots a preparation used (no access check: the caller shows what it already may). */
    @Override
    public List<Long> lotsOfPreparation(long preparationId) {
        return ledger.lotsOfPreparation(preparationId);
    }

    private ClinicView clinicWith(long clinicId, Privilege privilege) {
        return clinics.requireClinic(clinicId, privilege);
    }

    private LocalDate today(ClinicView clinic) {
        return clinic.today(clock);
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    record Page<T>(List<T> items, long total) {
    }

    /**
     * A lot's recall: the recipients the user may see, once the lot is recalled the contacts to make among them,
     * and how many others there are.
     */
    record Recall(StockStore.Lot lot, List<Line> lines, List<Contact> contacts, int hiddenPatients) {

        record Line(PatientView patient, StockStore.Receipt receipt) {
        }

        record Contact(PatientView patient, StockStore.RecallContact contact) {
        }
    }
}
